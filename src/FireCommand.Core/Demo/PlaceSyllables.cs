namespace FireCommand.Core.Demo;

/// <summary>
/// Syllable tables for fictional Chinese place names. The pair tables hold a character followed
/// by its pinyin initial ("青Q石S…"), which gives the two-letter city codes on water sources
/// ("江州" → JZ). Plain strings keep the tables immutable.
/// </summary>
internal static class PlaceSyllables
{
    /// <summary>First characters of place names, each followed by its pinyin initial.</summary>
    public const string Heads =
        "青Q石S白B金J龙L凤F云Y江J临L清Q桃T梅M松S柳L黄H红H东D西X南N北B新X安A长C永Y平P宁N太T兴X福F德D丰F高G" +
        "大D小X上S下X双S三S五W九J花H竹Z枫F桂G荷H兰L玉Y银Y铜T铁T马M牛N鹤H鹰Y雁Y鹿L羊Y茶C草C樟Z杉S古G阳Y" +
        "明M和H仁R义Y庆Q瑞R泰T嘉J富F华H春C秋Q望W观G天T月Y星X宝B沙S洪H湘X潭T岳Y衡H武W文W汉H楚C沅Y澧L浏L攸Y";

    /// <summary>Second characters: landforms and auspicious words.</summary>
    public const string Tails =
        "山S江J河H溪X水S湖H塘T桥Q坪P坝B岭L峰F冲C湾W洲Z口K田T源Y林L岗G坡P头T沙S阳Y城C门M关G寨Z铺P陵L安A" +
        "宁N平P丰F兴X川C滩T港G渡D坳A庄Z堡B圩X亭T台T园Y谷G泉Q潭T岩Y埠B";

    /// <summary>Second characters that make a name sound like a prefecture city.</summary>
    public const string CityTails = "州Z阳Y安A宁N江J川C陵L沙S德D源Y城C昌C南N丰F兴X都D";

    /// <summary>Village names such as 王家坪, 李家湾.</summary>
    public const string VillageSurnames = "王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏";
    public const string VillageLandforms = "坪湾冲岭坝塘岗垅桥山屋院寨坡洞田垄坑";
    public const string VillageQualifiers = "上下大小新老前后东西南北中";

    /// <summary>Names of urban areas for station and estate names; generated roots take over when used up.</summary>
    public static readonly IReadOnlyList<string> UrbanAreas =
    [
        "滨江", "城东", "城西", "城南", "城北", "新港", "高新", "经开", "湖滨", "河西", "站前", "中山", "解放",
        "望城", "金霞", "芙蓉", "天心", "岳麓", "开福", "雨花", "星沙", "梅溪", "洋湖", "东塘", "南湖", "北辰",
        "江南", "江北", "桥东", "桥西", "东风", "长青", "麓谷", "月湖", "龙湾", "锦江", "凤凰", "白沙", "金盆",
        "洪山", "汉阳", "青园", "丁字", "坪塘", "马坡", "黎托", "东屯", "红星", "德雅", "砂子", "捞刀",
    ];

    /// <summary>Street name roots; each city draws its own set, so 人民路 appears in every city as in life.</summary>
    public static readonly IReadOnlyList<string> StreetRoots =
    [
        "人民", "解放", "中山", "建设", "和平", "胜利", "新华", "文化", "朝阳", "东风", "五一", "八一", "青年",
        "团结", "光明", "幸福", "长征", "迎宾", "滨江", "韶山", "芙蓉", "劳动", "书院", "车站", "红旗", "工农",
        "友谊", "学院", "体育", "园林", "金星", "银杏", "桂花", "樟树", "枫林", "沿江", "环城", "北京", "上海",
        "广州", "南京", "西安", "成都", "武汉", "延安", "井冈", "红星", "向阳", "复兴", "振兴", "创业", "科技",
        "环保", "世纪", "滨河", "湖滨", "望岳", "潇湘", "紫薇", "梅林", "兴业", "民主", "育才", "新民", "公园",
    ];

    public static int Count(string pairs) => pairs.Length / 2;

    public static char CharAt(string pairs, int i) => pairs[2 * i];

    public static char InitialAt(string pairs, int i) => pairs[2 * i + 1];
}
