using FireCommand.Core.Resources;
using static FireCommand.Core.Dispatch.Decisions.ReasonText;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>Writes the reasons of one pick: the slot and time, the flags, the faster unit used for
/// another slot, and the runner-up with why it was not chosen.</summary>
internal sealed class PickExplainer(RecommendationRequest request, CandidatePool pool, Assignment assignment, RecommendationOptions options)
{
    public RecommendedUnit Explain(int i, double chargedPenalty)
    {
        var unit = pool.Units[i];
        int g = assignment.GroupOfUnit[i];
        var slot = request.Slots[g];
        var travel = request.TravelTimes[unit.Id];
        double eta = travel.Seconds!.Value;
        double straight = unit.Position.DistanceMetersTo(request.Incident.Location);
        bool cross = unit.StationJurisdictionId != request.Incident.JurisdictionId;
        bool empties = AssignmentSolver.Counts(unit, assignment.Stations) && assignment.Empties(unit.HomeStationId);

        var distance = travel.DistanceMeters is { } road
            ? ($"道路距离{Number(road / 1000, "0.0")}公里", $"{Number(road / 1000, "0.0")} km by road")
            : ($"直线距离{Number(straight / 1000, "0.0")}公里", $"{Number(straight / 1000, "0.0")} km in a straight line");
        var reasons = new List<DecisionReason>
        {
            new("slot-filled", $"填补「{slot.Chinese}」（共需{slot.Count}辆），预计{ChineseDuration(eta)}到达，{distance.Item1}",
                $"Fills \"{slot.English}\" ({slot.Count} needed), arrives in {EnglishDuration(eta)}, {distance.Item2}"),
        };
        if (cross)
            reasons.Add(new("cross-jurisdiction", "跨辖区调派：所属站不属于警情所在大队，请通知其所属大队",
                "Cross-jurisdiction: its station belongs to another brigade; notify that brigade"));
        if (unit.Status != UnitStatus.Available)
            reasons.Add(unit.Status switch
            {
                UnitStatus.Returning => new("status-returning", "该车正在返队途中（25），已允许调派返队车辆", "Returning to station (25); returning units are allowed"),
                UnitStatus.Training => new("status-training", "该车正在训练（30），需中止训练出动", "In training (30); training must stop for this call"),
                _ => new("status-standby", "该车在其他站驻防（26）", "Standing by at another station (26)"),
            });
        if (empties)
            reasons.Add(new("leaves-station-empty",
                $"派出后本站无备勤车辆，辖区暂无力量（按{Seconds(options.LastUnitPenaltySeconds)}秒惩罚计入）；建议驻防补位",
                $"Leaves its station with no available unit (charged as {Seconds(options.LastUnitPenaltySeconds)} s); consider a move-up"));
        if (FasterUsedElsewhere(i, g) is { } other)
        {
            var o = pool.Units[other];
            var otherSlot = request.Slots[assignment.GroupOfUnit[other]];
            reasons.Add(new("faster-unit-used-elsewhere",
                $"更快的{o.CallSign}（{Seconds(Eta(other))}秒）已用于「{otherSlot.Chinese}」",
                $"The faster {o.CallSign} ({Seconds(Eta(other))} s) fills \"{otherSlot.English}\""));
        }
        var runnerUp = RunnerUpFor(i, g, eta);
        if (runnerUp is not null) reasons.Add(runnerUp.Reason);
        return new RecommendedUnit(unit.Id, unit.CallSign, unit.Type, slot, eta, travel.DistanceMeters, straight, cross, empties,
            chargedPenalty, runnerUp, reasons);
    }

    private double Eta(int i) => request.TravelTimes[pool.Units[i].Id].Seconds!.Value;

    /// <summary>The fastest unit that could have filled this slot but fills another, if faster than the pick.</summary>
    private int? FasterUsedElsewhere(int i, int g)
    {
        foreach (int j in pool.EligibleByGroup[g])
        {
            if (pool.EtaDs[j] >= pool.EtaDs[i]) return null;
            if (assignment.GroupOfUnit[j] >= 0 && assignment.GroupOfUnit[j] != g) return j;
        }
        return null;
    }

    private RunnerUp? RunnerUpFor(int i, int g, double eta)
    {
        int r = pool.EligibleByGroup[g].FirstOrDefault(j => assignment.GroupOfUnit[j] < 0, -1);
        if (r < 0) return null;
        var unit = pool.Units[r];
        double other = Eta(r);
        DecisionReason reason;
        if (pool.EtaDs[r] > pool.EtaDs[i])
            reason = new("runner-up-slower", $"次选{unit.CallSign}，预计{ChineseDuration(other)}到达，晚{Seconds(other - eta)}秒",
                $"Next best {unit.CallSign} arrives in {EnglishDuration(other)}, {Seconds(other - eta)} s later");
        else if (pool.EtaDs[r] == pool.EtaDs[i])
            reason = new("runner-up-tie", $"{unit.CallSign}同样{Seconds(other)}秒到达，按车辆编号先后选择",
                $"{unit.CallSign} is equally fast ({Seconds(other)} s); the lower unit id was chosen");
        else if (AssignmentSolver.Counts(unit, assignment.Stations) &&
                 assignment.Stations[unit.HomeStationId] is var (available, taken) && taken + 1 >= available)
            reason = new("runner-up-last-unit",
                $"{unit.CallSign}快{Seconds(eta - other)}秒，但它是所属站最后一辆备勤车辆，派出将使辖区无力量（惩罚{Seconds(options.LastUnitPenaltySeconds)}秒）",
                $"{unit.CallSign} is {Seconds(eta - other)} s faster but is its station's last available unit (penalty {Seconds(options.LastUnitPenaltySeconds)} s)");
        else
            reason = new("runner-up-total", $"{unit.CallSign}快{Seconds(eta - other)}秒，但整体到达时间之和更优的方案未选用它",
                $"{unit.CallSign} is {Seconds(eta - other)} s faster, but the best overall assignment does without it");
        return new RunnerUp(unit.Id, unit.CallSign, other, reason);
    }
}
