namespace FireCommand.Core.Demo;

/// <summary>Chinese personal names and phone numbers for rolls and responsible persons.</summary>
internal sealed class PersonNames(Prng rng)
{
    // Ordered by frequency (王李张刘陈 cover about a third of China), so earlier entries are drawn more often.
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜" +
        "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private const string MaleGiven = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建志文海峰亮东成立新国振宏晨博思天子睿轩然泽洋毅诚锋彬奇坤荣松";
    private const string FemaleGiven = "丽静敏燕艳娟霞芳婷雪琳莉洁玲颖佳欣倩晶慧娜蕾琪瑶楠怡璐悦萍红梅兰英";

    /// <summary>A name of two or three characters; <paramref name="maleShare"/> reflects the service (fire crews are mostly men).</summary>
    public string Next(double maleShare)
    {
        // u² skews the draw towards the common surnames without needing a power function.
        var u = rng.NextDouble();
        var surname = Surnames[(int)(u * u * Surnames.Length)];
        var given = rng.Chance(maleShare) ? MaleGiven : FemaleGiven;
        var first = rng.Pick(given);
        return rng.Chance(0.65) ? $"{surname}{first}{rng.Pick(given)}" : $"{surname}{first}";
    }

    /// <summary>A mainland mobile number (1[3-9]x xxxx xxxx).</summary>
    public string Mobile()
    {
        const string prefixes = "3456789";
        return $"1{rng.Pick(prefixes)}{rng.Below(10)}{rng.Between(1000, 9999)}{rng.Between(0, 9999):D4}";
    }
}
