namespace FireCommand.Geo.Storage;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one: the data goes
/// to a temporary file in the same folder (same file system, so the rename is atomic) which replaces
/// the target only after it was written and flushed. On failure the temporary file is deleted, so a
/// crashed or cancelled import never leaves a partial graph behind. Thread-safe for distinct paths.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> against a temporary file, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try { File.Delete(temp); }
        catch (IOException) { /* the original error matters more than a leftover temp file */ }
        catch (UnauthorizedAccessException) { }
    }
}
