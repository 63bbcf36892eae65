using System.Diagnostics;
using FireCommand.Geo.Routing;
using Npgsql;
using NpgsqlTypes;

namespace FireCommand.Bench;

/// <summary>
/// The SQL peer: NY loaded into PostgreSQL and asked with <c>pgr_dijkstraCost</c> for the same
/// many-to-one answers (300 units → incident) as <see cref="RoutingEngine.TravelTimesTo"/>. Every
/// travel time must be identical; the times per query are compared in the same run.
/// </summary>
internal static class PgRoutingDriver
{
    private const string Table = "fc_bench_ny_arcs";

    public static async Task<int> RunAsync(string connectionString, int queries)
    {
        var net = BenchData.NewYork();
        var g = net.Graph;
        var engine = new RoutingEngine(net);
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await LoadArcsAsync(db, g);

        var rng = new Random(42);
        var pgMs = new List<double>(); var oursAllMs = new List<double>(); var oursTopMs = new List<double>();
        long compared = 0;
        for (int q = -1; q < queries; q++) // one warm-up query for both sides
        {
            int incident = rng.Next(g.NodeCount);
            var unitNodes = Enumerable.Range(0, 300).Select(_ => rng.Next(g.NodeCount)).Distinct().ToList();
            var units = unitNodes.Select(engine.AtNode).ToList();

            var clock = Stopwatch.StartNew();
            var pg = await DijkstraCostAsync(db, unitNodes.Select(u => g.ExternalId(u)).ToArray(), g.ExternalId(incident));
            double pgElapsed = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var all = engine.TravelTimesTo(engine.AtNode(incident), units);
            double allElapsed = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            engine.TravelTimesTo(engine.AtNode(incident), units, k: 10);
            double topElapsed = clock.Elapsed.TotalMilliseconds;

            foreach (var r in all)
            {
                long unitId = g.ExternalId(unitNodes[r.UnitIndex]);
                long expected = unitId == g.ExternalId(incident) ? 0 : pg[unitId];
                if (expected != r.Time)
                    throw new InvalidOperationException($"query {q}: unit {unitId} → {g.ExternalId(incident)}: pgRouting {expected}, ours {r.Time}");
                compared++;
            }
            if (all.Count != units.Count) throw new InvalidOperationException("NY is strongly connected; every unit must get a time.");
            if (q < 0) continue;
            pgMs.Add(pgElapsed); oursAllMs.Add(allElapsed); oursTopMs.Add(topElapsed);
        }
        var p = Drivers.Percentiles(pgMs); var a = Drivers.Percentiles(oursAllMs); var t = Drivers.Percentiles(oursTopMs);
        Console.WriteLine($"pgrouting queries={queries} units=300 identical_times={compared} pg_mean_ms={p.Mean:F1} pg_median_ms={p.Median:F1}");
        Console.WriteLine($"ours_all300 mean_ms={a.Mean:F3} median_ms={a.Median:F3} speedup_mean={p.Mean / a.Mean:F0}");
        Console.WriteLine($"ours_k10 mean_ms={t.Mean:F3} median_ms={t.Median:F3} speedup_mean={p.Mean / t.Mean:F0}");
        return 0;
    }

    /// <summary>Loads the arcs once (skipped when the table already holds the same count).</summary>
    private static async Task LoadArcsAsync(NpgsqlConnection db, FireCommand.Geo.Graph.RoadGraph g)
    {
        await using (var check = new NpgsqlCommand($"SELECT count(*) FROM pg_tables WHERE tablename = '{Table}'", db))
            if ((long)(await check.ExecuteScalarAsync())! == 1)
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Table}", db);
                if ((long)(await count.ExecuteScalarAsync())! == g.ArcCount) return;
            }
        await using (var create = new NpgsqlCommand(
            $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL, cost float8 NOT NULL)", db))
            await create.ExecuteNonQueryAsync();
        await using (var writer = await db.BeginBinaryImportAsync($"COPY {Table} (id, source, target, cost) FROM STDIN (FORMAT BINARY)"))
        {
            long id = 0;
            foreach (var (tail, arc) in g.AllArcs())
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(++id, NpgsqlDbType.Bigint);
                await writer.WriteAsync(g.ExternalId(tail), NpgsqlDbType.Bigint);
                await writer.WriteAsync(g.ExternalId(arc.Other), NpgsqlDbType.Bigint);
                await writer.WriteAsync((double)arc.Time, NpgsqlDbType.Double);
            }
            await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand($"ANALYZE {Table}", db);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<Dictionary<long, long>> DijkstraCostAsync(NpgsqlConnection db, long[] starts, long end)
    {
        const string sql = $"SELECT start_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, source, target, cost FROM {Table}', @starts, @end, directed => true)";
        await using var cmd = new NpgsqlCommand(sql, db);
        cmd.Parameters.AddWithValue("starts", starts);
        cmd.Parameters.AddWithValue("end", end);
        var result = new Dictionary<long, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result[reader.GetInt64(0)] = (long)Math.Round(reader.GetDouble(1));
        return result;
    }
}
