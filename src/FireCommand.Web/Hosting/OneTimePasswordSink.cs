namespace FireCommand.Web.Hosting;

/// <summary>
/// Where the first admin's generated one-time password goes: the console by default, once, and
/// nowhere else (it is not logged). Tests replace it to read the password.
/// </summary>
public interface IOneTimePasswordSink
{
    void Show(string userName, string password);
}

public sealed class ConsoleOneTimePasswordSink : IOneTimePasswordSink
{
    public void Show(string userName, string password)
    {
        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine($"  First admin created.  user: {userName}   password: {password}");
        Console.WriteLine("  This one-time password is shown only now; it must be changed at first login.");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
    }
}
