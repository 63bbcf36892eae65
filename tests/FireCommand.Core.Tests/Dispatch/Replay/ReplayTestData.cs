using System.Text;

namespace FireCommand.Core.Tests.Dispatch.Replay;

/// <summary>SF call-log text for tests, and the real log beside the repository.</summary>
internal static class ReplayTestData
{
    public const string Header =
        "Call Number,Unit ID,Incident Number,Call Type,Call Date,Watch Date,Received DtTm,Entry DtTm,Dispatch DtTm,Response DtTm," +
        "On Scene DtTm,Transport DtTm,Hospital DtTm,Call Final Disposition,Available DtTm,Address,City,Zipcode of Incident,Battalion," +
        "Station Area,Box,Original Priority,Priority,Final Priority,ALS Unit,Call Type Group,Number of Alarms,Unit Type," +
        "Unit sequence in call dispatch,Fire Prevention District,Supervisor District,Neighborhooods - Analysis Boundaries,Location,RowID";

    /// <summary>The first four data lines of the real file, verbatim.</summary>
    public const string RealFirstRows = """
        200983546,E32,20041901,Medical Incident,04/07/2020,04/07/2020,04/07/2020 11:53:08 PM,04/07/2020 11:55:30 PM,04/07/2020 11:55:56 PM,04/07/2020 11:58:22 PM,04/08/2020 12:00:00 AM,,,Code 2 Transport,04/08/2020 12:15:40 AM,4000 Block of MISSION ST,San Francisco,94112,B06,32,5633,3,3,3,true,Non Life-threatening,1,ENGINE,1,6,9,Bernal Heights,"(37.73217458500619, -122.42779351441527)",200983546-E32
        200983546,85,20041901,Medical Incident,04/07/2020,04/07/2020,04/07/2020 11:53:08 PM,04/07/2020 11:55:30 PM,04/07/2020 11:55:56 PM,04/07/2020 11:56:06 PM,04/08/2020 12:02:21 AM,04/08/2020 12:23:18 AM,04/08/2020 12:23:18 AM,Code 2 Transport,04/08/2020 01:35:00 AM,4000 Block of MISSION ST,San Francisco,94112,B06,32,5633,3,3,3,true,Non Life-threatening,1,MEDIC,2,6,9,Bernal Heights,"(37.73217458500619, -122.42779351441527)",200983546-85
        200983545,QRV1,20041900,Medical Incident,04/07/2020,04/07/2020,04/07/2020 11:54:42 PM,04/07/2020 11:54:42 PM,04/07/2020 11:55:19 PM,04/07/2020 11:55:24 PM,04/07/2020 11:55:51 PM,,,No Merit,04/08/2020 12:00:36 AM,LARKIN ST/FULTON ST,San Francisco,94102,B02,36,1645,A,3,3,true,Potentially Life-Threatening,1,SUPPORT,1,2,6,Tenderloin,"(37.77958443579076, -122.41676809410758)",200983545-QRV1
        200983545,74,20041900,Medical Incident,04/07/2020,04/07/2020,04/07/2020 11:54:42 PM,04/07/2020 11:54:42 PM,04/07/2020 11:55:19 PM,04/07/2020 11:55:24 PM,04/08/2020 12:02:02 AM,,,No Merit,04/08/2020 12:02:18 AM,LARKIN ST/FULTON ST,San Francisco,94102,B02,36,1645,A,3,3,true,Potentially Life-Threatening,1,MEDIC,2,2,6,Tenderloin,"(37.77958443579076, -122.41676809410758)",200983545-74
        """;

    /// <summary>One 34-field row; times are the log's text, null for empty.</summary>
    public static string Row(string call, string unit, string callType = "Structure Fire", string received = "04/07/2020 10:00:00 AM",
        string? dispatch = "04/07/2020 10:01:00 AM", string? enRoute = "04/07/2020 10:02:00 AM", string? onScene = "04/07/2020 10:06:00 AM",
        string? available = "04/07/2020 11:00:00 AM", string address = "100 Block of MARKET ST", string unitType = "ENGINE",
        string group = "Fire", string location = "\"(37.7749, -122.4194)\"")
    {
        string[] f =
        [
            call, unit, "1", callType, "04/07/2020", "04/07/2020", received, received, dispatch ?? "", enRoute ?? "", onScene ?? "", "", "",
            "Fire", available ?? "", Quote(address), "San Francisco", "94103", "B01", "1", "1234", "3", "3", "3", "true", group, "1",
            unitType, "1", "1", "6", "Tenderloin", location, $"{call}-{unit}",
        ];
        return string.Join(',', f);
    }

    public static string Log(params string[] rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows) text.Append(row).Append('\n');
        return text.ToString();
    }

    private static string Quote(string field) => field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;

    /// <summary>The real SF log, or a skip (a failure under FIRECOMMAND_REQUIRE_ALL=1).</summary>
    public static string RealLogPath() => FireCommand.Tests.SharedDataFiles.Require("incidents/sf-fire-calls-2020-04-07_20.csv");
}
