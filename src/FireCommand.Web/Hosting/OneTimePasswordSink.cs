namespace FireCommand.Web.Hosting;

/// <summary>
/// Where the first admin's generated one-time password is shown: the console by default, once (it
/// is not logged). Tests replace it to read the password.
/// </summary>
public interface IOneTimePasswordSink
{
    void Show(string userName, string password);
}

public sealed class ConsoleOneTimePasswordSink(OneTimePasswordFile file) : IOneTimePasswordSink
{
    public void Show(string userName, string password)
    {
        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine($"  First admin created.  user: {userName}   password: {password}");
        Console.WriteLine("  This one-time password is shown only now; it must be changed at first login.");
        Console.WriteLine($"  It is also in {file.Path} (readable by this service's user only),");
        Console.WriteLine("  which is removed when the password is changed.");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
    }
}
