using FireCommand.Core.Sensing.Mqtt;

namespace FireCommand.Core.Tests.Sensing.Mqtt;

public class MqttPasswordTests
{
    // Written by Mosquitto 2.0.11's own tool: `mosquitto_passwd -c -b pw dev1 secret`.
    private const string MosquittoHashOfSecret =
        "$7$101$CG8PGmvwQVVekDf5$0ERM3rgvzlikMZy1vemY56CauotJe7dxexQEYFo0/Mv1n19LC2CkTIJ2R9/kJiNfXtlZ53ubQ5KLZsLMGGgWRA==";

    [Fact]
    public void Verify_AcceptsAHashWrittenByMosquittoPasswd()
    {
        Assert.True(MqttPassword.Verify("secret", MosquittoHashOfSecret));
        Assert.False(MqttPassword.Verify("Secret", MosquittoHashOfSecret));
    }

    [Fact]
    public void Generate_GivesARandomPasswordThatMatchesOnlyItsOwnHash()
    {
        var (a, hashA) = MqttPassword.Generate();
        var (b, hashB) = MqttPassword.Generate();
        Assert.NotEqual(a, b);
        Assert.Matches(@"^\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$", hashA);
        Assert.True(MqttPassword.Verify(a, hashA));
        Assert.False(MqttPassword.Verify(b, hashA));
        Assert.False(MqttPassword.Verify(a, hashB));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("$6$salt$hash")]
    [InlineData("$7$101$not base64$AAAA")]
    [InlineData("$7$0$CG8PGmvwQVVekDf5$AAAA")]
    [InlineData("$7$101$CG8PGmvwQVVekDf5$AAAA")]
    public void Verify_RefusesAnyOtherStoredForm(string? stored) => Assert.False(MqttPassword.Verify("secret", stored));
}
