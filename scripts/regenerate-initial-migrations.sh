#!/usr/bin/env bash
# Rebuilds the Initial migrations of both providers from the model. Only for use before the first
# release: after that, add new migrations with `dotnet ef migrations add <Name>` per provider.
set -euo pipefail
cd "$(dirname "$0")/../src/FireCommand.Core"
rm -rf Data/Migrations
for provider in Sqlite Postgres; do
  dotnet ef migrations add Initial --context "${provider}FireCommandDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "FireCommand.Core.Data.Migrations.$provider"
done
# dotnet-ef places the model snapshot by namespace; keep it beside its migration.
if [ -d FireCommand ]; then
  for provider in Sqlite Postgres; do
    mv FireCommand/Core/Data/Migrations/$provider/*.cs "Data/Migrations/$provider/"
  done
  rm -rf FireCommand
fi
rm -f design.db
