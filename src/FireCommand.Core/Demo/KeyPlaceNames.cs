namespace FireCommand.Core.Demo;

/// <summary>Name parts for key places, in the style of real estates, towers and plants.</summary>
internal static class KeyPlaceNames
{
    public static readonly IReadOnlyList<string> EstateBrands =
    [
        "锦绣", "金色", "阳光", "翡翠", "御景", "天悦", "星河", "紫薇", "碧水", "绿地", "保利", "中海", "万科", "华润",
        "融创", "金茂", "碧桂园", "龙湖", "招商", "美的", "凤凰", "东方", "世纪", "滨江", "江山", "盛世", "新城", "恒基",
    ];

    public static readonly IReadOnlyList<string> EstateSuffixes =
        ["花园", "华府", "公馆", "名苑", "家园", "雅苑", "国际", "首府", "天地", "御府", "壹号", "名都", "尚城", "一品", "府"];

    public static readonly IReadOnlyList<string> Towers =
        ["国际金融中心", "国际大厦", "商务中心", "财富中心", "国贸中心", "环球中心", "广电中心", "电力大厦", "金融大厦", "发展大厦", "总部大厦", "世贸中心"];

    public static readonly IReadOnlyList<string> Complexes = ["万达广场", "吾悦广场", "万象城", "步步高广场", "天虹购物中心", "凯德广场", "大悦城", "印象城"];

    public static readonly IReadOnlyList<string> CityVenues = ["国际会展中心", "体育中心", "大剧院", "图书馆", "博物馆", "高铁站", "汽车总站", "职业技术学院"];

    public static readonly IReadOnlyList<string> Undergrounds = ["地下商业街", "人防地下商场", "地下停车场", "地下购物广场"];

    public static readonly IReadOnlyList<string> Plants = ["石化有限公司", "化工有限公司", "油库", "液化石油气储配站", "精细化工有限公司", "新材料有限公司", "化肥厂", "燃气储配站"];

    public static readonly IReadOnlyList<string> Relics = ["宗祠", "古塔", "文庙", "书院", "古戏台", "寺", "古桥", "牌坊", "会馆", "祖屋"];

    public static string Ordinal(int n) => n switch
    {
        1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", 7 => "七", 8 => "八", 9 => "九", _ => "十",
    };
}
