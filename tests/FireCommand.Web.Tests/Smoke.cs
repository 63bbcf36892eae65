namespace FireCommand.Web.Tests; public class SmokeTests { [Fact] public void Runs() => Assert.True(true); }
