namespace FireCommand.Web.Hosting;

/// <summary>
/// The first admin's generated password, also kept in a file in the data directory that only the
/// service user may read (mode 0600): the console is often collected into logs, a file under the
/// service's own folder is not. Removed when the password is changed. Singleton.
/// </summary>
public sealed class OneTimePasswordFile(string dataDirectory)
{
    public const string FileName = "initial-admin-password.txt";

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, FileName);

    public void Write(string userName, string password)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.Delete(Path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // Created with the restrictive mode, never widened afterwards: there is no moment when others can read it.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(Path, options);
        writer.WriteLine($"user: {userName}");
        writer.WriteLine($"password: {password}");
        writer.WriteLine("This one-time password must be changed at the first login; this file is then removed.");
    }

    public void Delete() => File.Delete(Path);
}
