namespace FireCommand.Core.Demo;

/// <summary>
/// Rivers and reservoirs. They are not drawn on the map; they decide where natural water sources
/// and intakes (取水码头) are, so those line up along valleys the way they do in a real province.
/// </summary>
internal static class TerrainWater
{
    public static void Add(ProvinceShape shape, Prng rng, double radius)
    {
        // Rivers rise in the mountains and run out of the province, like the Xiang or the Gan.
        var sources = shape.Mountains.Select(m => m.Centre).ToList();
        sources.Add(Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * (radius * rng.Range(0.1, 0.4)));
        foreach (var source in sources)
        {
            var outward = source.Length > 1 ? source.Normalised() : Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi));
            var turn = Vec.FromAngle(rng.Range(-0.9, 0.9));
            var direction = new Vec(outward.X * turn.X - outward.Y * turn.Y, outward.X * turn.Y + outward.Y * turn.X);
            var mouth = source + direction * (radius * 2.5);
            var path = ShapeLines.Meander(source, mouth, 0.13, 1.5, rng);
            var inside = new List<Vec>();
            foreach (var p in path)
            {
                if (!shape.Contains(p)) break;
                inside.Add(p);
            }
            if (ShapeLines.Length(inside) > 40) shape.Rivers.Add(inside);
        }

        foreach (var m in shape.Mountains)
        {
            var dams = rng.Between(1, 2);
            for (var i = 0; i < dams; i++)
            {
                var p = m.Centre + Vec.FromAngle(rng.Range(0, 2 * DetMath.Pi)) * (m.RadiusKm * rng.Range(0.6, 0.95));
                if (shape.Contains(p)) shape.Reservoirs.Add(p);
            }
        }
    }
}
