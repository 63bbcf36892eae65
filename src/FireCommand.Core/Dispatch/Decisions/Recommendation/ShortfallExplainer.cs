namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>Names why a slot is short, with the counts behind it. The recommendation fills as many
/// slots as possible, so a short slot's eligible units are all recommended (for it or for others).</summary>
internal static class ShortfallExplainer
{
    public static Shortfall Explain(int g, int missing, RecommendationRequest request, CandidatePool pool, Assignment assignment)
    {
        var slot = request.Slots[g];
        int capable = 0, usedElsewhere = 0, status = 0, returning = 0, otherJurisdiction = 0, unreachable = 0;
        var unreachableWhy = new Dictionary<UnreachableReason, int>();
        for (int i = 0; i < pool.Units.Length; i++)
        {
            var u = pool.Units[i];
            if (!slot.Requirement.IsMetBy(u.Capabilities, u.Type)) continue;
            capable++;
            switch (pool.Excluded[i])
            {
                case Exclusion.None when assignment.GroupOfUnit[i] >= 0 && assignment.GroupOfUnit[i] != g: usedElsewhere++; break;
                case Exclusion.Status: status++; break;
                case Exclusion.Returning: returning++; break;
                case Exclusion.OtherJurisdiction: otherJurisdiction++; break;
                case Exclusion.Unreachable:
                    unreachable++;
                    var why = request.TravelTimes.TryGetValue(u.Id, out var t) ? t.Unreachable ?? UnreachableReason.NotComputed : UnreachableReason.NotComputed;
                    unreachableWhy[why] = unreachableWhy.GetValueOrDefault(why) + 1;
                    break;
            }
        }
        string head = $"「{slot.Chinese}」缺{missing}辆";
        string headEn = $"\"{slot.English}\" is {missing} short";
        if (usedElsewhere > 0)
            return new(slot, missing, ShortfallCause.NeededForOtherSlots, new("shortfall-needed-elsewhere",
                $"{head}：可用的{usedElsewhere}辆已填补其他车型需求", $"{headEn}: the {usedElsewhere} units that could fill it fill other slots"));
        if (unreachable > 0)
        {
            var main = unreachableWhy.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First().Key;
            var (zh, en) = UnitTravel.Describe(main);
            return new(slot, missing, ShortfallCause.Unreachable, new("shortfall-unreachable",
                $"{head}：具备能力且可调派的{unreachable}辆无法到达（{zh}）", $"{headEn}: {unreachable} capable units cannot get there ({en})"));
        }
        if (status + returning + otherJurisdiction > 0)
            return new(slot, missing, ShortfallCause.NoneAvailable, new("shortfall-none-available",
                $"{head}：具备能力的{capable}辆中，{status}辆状态不可调派、{returning}辆返队（未允许）、{otherJurisdiction}辆属其他大队（未允许跨区）",
                $"{headEn}: of {capable} capable units, {status} are in a status that cannot be dispatched, {returning} returning (not allowed), {otherJurisdiction} in other brigades (not allowed)"));
        return new(slot, missing, ShortfallCause.NoUnitWithCapability, new("shortfall-no-capability",
            capable == 0 ? $"{head}：候选车辆中没有具备「{slot.Requirement}」能力的车辆" : $"{head}：具备该能力的车辆仅{capable}辆，已全部推荐",
            capable == 0 ? $"{headEn}: no candidate unit has \"{slot.Requirement}\"" : $"{headEn}: only {capable} units have it, all recommended"));
    }
}
