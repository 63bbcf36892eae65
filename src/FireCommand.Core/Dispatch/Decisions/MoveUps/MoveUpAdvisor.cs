using static FireCommand.Core.Dispatch.Decisions.ReasonText;

namespace FireCommand.Core.Dispatch.Decisions;

/// <summary>
/// After a dispatch, finds the districts (责任区) no available unit can reach within the 5-minute
/// standard (建标152-2017) and suggests relocations (驻防) to cover them.
/// </summary>
/// <remarks>
/// Greedy, but every suggestion is safe: districts are taken in station-id order; for each still
/// uncovered one, the donor is the station with a cover unit that reaches it fastest (ties: lower
/// station id) among the donors whose loss uncovers no district that is covered now — the donor's
/// own district included, whether it stays covered by the donor's remaining units, a neighbour, or
/// the moved unit itself. A unit moves at most once. So the advice never makes coverage worse, and
/// after the moves the districts reported covered are covered. It is not guaranteed to use the
/// fewest moves (that is a set-cover problem); with one or two emptied stations, the usual case
/// after a dispatch, greedy and optimal agree. Pure and thread-safe.
/// </remarks>
public static class MoveUpAdvisor
{
    /// <summary>Computes the advice.</summary>
    /// <param name="stations">Every station whose district counts.</param>
    /// <param name="availableUnits">Units available after the dispatch, at the station they are at.</param>
    /// <param name="travelSeconds">Station-to-district travel times; see <see cref="StationTravelTime"/>.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">Duplicate station ids, or a unit at an unlisted station.</exception>
    public static MoveUpAdvice Suggest(IReadOnlyList<MoveUpStation> stations, IReadOnlyList<StandbyUnit> availableUnits,
        StationTravelTime travelSeconds, MoveUpOptions? options = null)
    {
        options ??= new MoveUpOptions();
        var list = stations.OrderBy(s => s.StationId).ToArray();
        var index = new Dictionary<long, int>();
        for (int i = 0; i < list.Length; i++)
            if (!index.TryAdd(list[i].StationId, i)) throw new ArgumentException($"Station {list[i].StationId} is listed twice.", nameof(stations));
        var cover = list.Select(_ => new List<StandbyUnit>()).ToArray();
        foreach (var u in availableUnits.OrderBy(u => u.UnitId))
        {
            if (!index.TryGetValue(u.AtStationId, out int at))
                throw new ArgumentException($"Unit {u.UnitId} is at station {u.AtStationId}, which is not listed.", nameof(availableUnits));
            if ((u.Capabilities & options.CoverCapability) == options.CoverCapability) cover[at].Add(u);
        }
        int n = list.Length;
        var time = new double?[n, n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++) time[a, b] = travelSeconds(list[a].StationId, list[b].StationId);
        bool Reaches(int from, int district) => time[from, district] is { } t && t <= options.StandardSeconds;
        bool Covered(int d) => Enumerable.Range(0, n).Any(s => cover[s].Count > 0 && Reaches(s, d));

        var uncovered = Enumerable.Range(0, n).Where(d => !Covered(d)).ToList();
        var nearest = uncovered.ToDictionary(d => d, d => Enumerable.Range(0, n)
            .Where(s => cover[s].Count > 0 && time[s, d] is not null).Select(s => time[s, d]).Min());
        var moved = new HashSet<long>();
        var moves = new List<MoveUpSuggestion>();
        var coveredBy = new Dictionary<int, long>();
        var notes = new Dictionary<int, DecisionReason>();
        foreach (int d in uncovered)
        {
            if (Covered(d)) continue;
            if (moves.Count >= options.MaxMoves)
            {
                notes[d] = new("move-up-limit", $"已达建议驻防上限{options.MaxMoves}次", $"The limit of {options.MaxMoves} move-ups is reached");
                continue;
            }
            if (!Reaches(d, d))
            {
                notes[d] = new("move-up-station-too-far", $"即使在{list[d].Name}驻防也无法{Seconds(options.StandardSeconds)}秒内到达辖区代表点",
                    $"Even a unit at {list[d].Name} cannot reach the district point within {Seconds(options.StandardSeconds)} s");
                continue;
            }
            int donor = -1;
            for (int s = 0; s < n; s++)
                if (s != d && cover[s].Any(u => !moved.Contains(u.UnitId)) && time[s, d] is { } t &&
                    (donor < 0 || t < time[donor, d]!.Value) && Safe(s, d))
                    donor = s;
            if (donor < 0)
            {
                notes[d] = new("move-up-no-donor", "无可调车辆：其他站抽调后将使其辖区或邻近辖区失去覆盖",
                    "No unit can be spared: every possible donor would leave a covered district uncovered");
                continue;
            }
            var unit = cover[donor].First(u => !moved.Contains(u.UnitId));
            var before = uncovered.Where(x => !Covered(x)).ToList();
            cover[donor].Remove(unit);
            cover[d].Add(unit);
            moved.Add(unit.UnitId);
            var newlyCovered = before.Where(Covered).ToList();
            foreach (int x in newlyCovered) coveredBy[x] = unit.UnitId;
            var keeps = cover[donor].Count > 0
                ? ($"{list[donor].Name}仍有{cover[donor].Count}辆备勤", $"{list[donor].Name} keeps {cover[donor].Count} available")
                : ($"{list[donor].Name}辖区由邻站{Seconds(options.StandardSeconds)}秒内覆盖", $"{list[donor].Name}'s district stays covered by a neighbour within {Seconds(options.StandardSeconds)} s");
            moves.Add(new MoveUpSuggestion(unit.UnitId, unit.CallSign, list[donor].StationId, list[d].StationId, time[donor, d]!.Value,
                newlyCovered.Select(x => list[x].StationId).ToList(),
                [
                    new("move-up", $"调{unit.CallSign}由{list[donor].Name}至{list[d].Name}驻防，行驶{ChineseDuration(time[donor, d]!.Value)}，覆盖{newlyCovered.Count}个空白辖区",
                        $"Move {unit.CallSign} from {list[donor].Name} to stand by at {list[d].Name}, {EnglishDuration(time[donor, d]!.Value)} away, covering {newlyCovered.Count} uncovered district(s)"),
                    new("move-up-donor-safe", keeps.Item1, keeps.Item2),
                ]));
        }

        var result = uncovered.Select(d =>
        {
            var near = nearest[d];
            var reason = coveredBy.TryGetValue(d, out var by)
                ? new DecisionReason("district-covered-by-move-up", $"{list[d].Name}辖区5分钟内无可用车辆，建议驻防补位", $"No available unit reaches {list[d].Name}'s district in 5 minutes; a move-up covers it")
                : notes.GetValueOrDefault(d) ?? new DecisionReason("district-uncovered", $"{list[d].Name}辖区5分钟内无可用车辆", $"No available unit reaches {list[d].Name}'s district in 5 minutes");
            return new UncoveredDistrict(list[d].StationId, list[d].Name, near, coveredBy.TryGetValue(d, out var u) ? u : null, reason);
        }).ToList();
        return new MoveUpAdvice(result, moves);

        // Taking one unit from s and standing it by at d leaves every covered district covered.
        bool Safe(int s, int d)
        {
            for (int e = 0; e < n; e++)
            {
                if (!Reaches(s, e) || !Covered(e)) continue;
                bool still = cover[s].Count > 1 || Reaches(d, e) ||
                             Enumerable.Range(0, n).Any(x => x != s && cover[x].Count > 0 && Reaches(x, e));
                if (!still) return false;
            }
            return true;
        }
    }
}
