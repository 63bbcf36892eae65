using FireCommand.Web.Security;

namespace FireCommand.Web.Tests.Security;

public class SecurityHeadersTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("https://t0.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}", "https://t0.tianditu.gov.cn")]
    [InlineData("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}", "https://*.is.autonavi.com")]
    [InlineData("http://tiles.local:8080/{z}/{x}/{y}.png", "http://tiles.local:8080")]
    [InlineData("not a url", null)]
    public void OriginOf_AllowsOnlyTheTileServer(string? url, string? origin) =>
        Assert.Equal(origin, SecurityHeaders.OriginOf(url));
}
