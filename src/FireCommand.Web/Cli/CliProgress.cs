namespace FireCommand.Web.Cli;

/// <summary>
/// A one-line text progress bar on stderr ("[#####.....]  50%"), redrawn in place with a carriage
/// return, and only when the shown percentage changes so a log file gets at most 100 updates.
/// Thread-safe: <see cref="IProgress{T}"/> callers may report from any thread.
/// </summary>
internal sealed class CliProgress(TextWriter stderr, string label) : IProgress<double>
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private int _shown = -1;

    public void Report(double value)
    {
        int percent = (int)Math.Clamp(value * 100, 0, 100);
        lock (_gate)
        {
            if (percent == _shown) return;
            _shown = percent;
            int filled = percent * Width / 100;
            stderr.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%");
            if (percent == 100) stderr.WriteLine();
            stderr.Flush();
        }
    }
}
