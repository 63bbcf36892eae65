using System.Net;
using FireCommand.Core.Sensing;
using FireCommand.Core.Sensing.Alarms;
using FireCommand.Web.Sensing;
using FireCommand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FireCommand.Web.Tests.Sensing.SensingTestData;

namespace FireCommand.Web.Tests.Sensing;

/// <summary>The sink every transport uses: storage, idempotency, rules and the one-open-alarm promise, on every database.</summary>
public abstract class DeviceMessageSinkTests<THost>(THost host) : PlatformTest<THost>(host) where THost : DatabaseHost
{
    // Recent, so the background watch never takes these devices for silent ones while a test runs.
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task Retransmission_IsAcceptedWithoutASecondRow_AndMarksTheDeviceSeen()
    {
        using var admin = await Admin();
        var device = await RegisterAsync(admin, (await KeyPlaceAsync(admin, 1))["id"]!.GetValue<long>());
        var (id, key) = (device["id"]!.GetValue<long>(), device["deviceKey"]!.GetValue<string>());
        var frame = Event(key, "supervisory", "1-1/1-0001", T0, "serial-0001");
        await SendAsync(Host, frame, frame with { ReceivedAt = T0.AddSeconds(1) });   // repeated within a batch
        await SendAsync(Host, frame with { ReceivedAt = T0.AddSeconds(5) });          // and in a later one
        await SendAsync(Host, Event(key, "supervisory", "1-1/1-0001", T0.AddSeconds(9), id: null)); // no id: always new

        var log = (await admin.GetJsonAsync($"/api/sensing/devices/{id}/messages")).AsArray();
        Assert.Equal(2, log.Count);
        Assert.Single(log, m => m!["messageId"]?.GetValue<string>() == "serial-0001");
        var read = await admin.GetJsonAsync($"/api/sensing/devices/{id}");
        Assert.True(read["online"]!.GetValue<bool>());
        Assert.Equal(T0.AddSeconds(9), read["lastSeenAt"]!.GetValue<DateTimeOffset>());
        var alarm = (await AlarmsAsync(admin, device["keyPlaceId"]!.GetValue<long>())).OfDevice(id).Single();
        Assert.Equal(2, alarm["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownDevice_IsStoredFlagged_AndRaisesNothing()
    {
        var key = NewGbKey();
        await SendAsync(Host, Event(key, "fire", "1-1/1-0001", T0));
        var (stored, alarms) = await ReadAsync(Host, async db => (
            await db.DeviceMessages.Where(m => m.DeviceKey == key).ToListAsync(),
            await db.SensingAlarms.CountAsync(a => a.DeviceKey == key)));
        Assert.True(Assert.Single(stored).UnknownDevice);
        Assert.Equal(0, alarms);
    }

    [Fact]
    public async Task ResidualCurrent_RaisesAfterThreeSamples_HoldsThroughTheBand_ClearsAtTheClearLevel()
    {
        using var admin = await Admin();
        var place = (await KeyPlaceAsync(admin, 2))["id"]!.GetValue<long>();
        var key = "mqtt:rcm-" + Guid.NewGuid().ToString("N")[..8];
        var device = (await RegisterAsync(admin, place, key, "electrical-fire", "Mqtt"))["id"]!.GetValue<long>();
        // Hand-worked: 310, 320 (two samples, no alarm), 330 (third: raise), 290 and 260 (above the clear
        // level 250: still open, last value follows), 240 (clear), 320 ×3 again (a new alarm).
        double[] values = [310, 320, 330, 290, 260, 240, 320, 320, 320];
        var open = new List<int>();
        for (var i = 0; i < values.Length; i++)
        {
            await SendAsync(Host, Sample(key, "residual_current_ma", values[i], T0.AddMinutes(i), "L1"));
            open.Add((await AlarmsAsync(admin, place, "open")).OfDevice(device).Count());
        }
        Assert.Equal([0, 0, 1, 1, 1, 0, 0, 0, 1], open);
        var all = (await AlarmsAsync(admin, place)).OfDevice(device).OrderBy(a => a["id"]!.GetValue<long>()).ToList();
        Assert.Equal(2, all.Count);
        Assert.Equal("Cleared", all[0]["state"]!.GetValue<string>());
        Assert.Equal(260, all[0]["lastValue"]!.GetValue<double>());
        Assert.Equal(1, all[0]["count"]!.GetValue<int>());
        Assert.Equal("Active", all[1]["state"]!.GetValue<string>());
        Assert.Equal("L1", all[1]["component"]!.GetValue<string>());
    }

    [Fact]
    public async Task RepeatedFault_UpdatesOneOpenAlarm_NormalClearsIt_AndTheNextFaultOpensAnother()
    {
        using var admin = await Admin();
        var place = (await KeyPlaceAsync(admin, 1))["id"]!.GetValue<long>();
        var device = await RegisterAsync(admin, place);
        var (id, key) = (device["id"]!.GetValue<long>(), device["deviceKey"]!.GetValue<string>());
        await SendAsync(Host, Event(key, "fault", "1-1/1-0002", T0), Event(key, "fault", "1-1/1-0002", T0.AddSeconds(30)));
        await SendAsync(Host, Event(key, "fault", "1-1/1-0002", T0.AddSeconds(60)));
        var open = Assert.Single((await AlarmsAsync(admin, place, "open")).OfDevice(id));
        Assert.Equal(3, open["count"]!.GetValue<int>());
        Assert.Equal("3F-A", open["zone"]!.GetValue<string>());
        Assert.Equal(T0.AddSeconds(60), open["lastAt"]!.GetValue<DateTimeOffset>());

        await SendAsync(Host, Event(key, "normal", "1-1/1-0002", T0.AddSeconds(90)));
        Assert.Empty((await AlarmsAsync(admin, place, "open")).OfDevice(id));
        await SendAsync(Host, Event(key, "fault", "1-1/1-0002", T0.AddSeconds(120)));
        Assert.Equal(2, (await AlarmsAsync(admin, place)).OfDevice(id).Count());
        var history = (await admin.GetJsonAsync($"/api/sensing/alarms/{open["id"]}"))["history"]!.AsArray()
            .Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["Raised", "Repeated", "Repeated", "Cleared"], history);
    }

    // The worst interleaving, forced: the first batch has inserted the alarm and waits before its commit
    // while the second reads no open alarm and inserts its own. Only the filtered unique index stops a
    // second open alarm on PostgreSQL; the sink then applies its batch again and counts one more report.
    // SQLite's write gate serialises the two, so there the second simply finds the first; the promise is the same.
    [Fact]
    public async Task TwoSinksRaiseTheSameAlarmAtOnce_OneOpenAlarmCountsBoth()
    {
        using var admin = await Admin();
        var place = (await KeyPlaceAsync(admin, 4))["id"]!.GetValue<long>();
        var device = await RegisterAsync(admin, place);
        var (id, key) = (device["id"]!.GetValue<long>(), device["deviceKey"]!.GetValue<string>());

        // One sink has one writer; a second node is a second sink on the same database.
        await using var otherNode = ActivatorUtilities.CreateInstance<DeviceMessageSink>(Host.Factory.Services);
        using (var round = Host.Interleaving.Arm("SensingAlarms"))
        {
            var first = SendAsync(Host, Event(key, "fault", "1-1/1-0003", T0));
            await round.FirstHeldBeforeCommit;
            var second = otherNode.AcceptAsync([Event(key, "fault", "1-1/1-0003", T0.AddSeconds(1))], CancellationToken.None);
            await Task.WhenAll(first, second);
            Assert.True(round.Interleaved, "the second batch never arrived while the first was held before its commit");
        }

        var (open, messages) = await ReadAsync(Host, async db => (
            await db.SensingAlarms.Where(a => a.DeviceId == id && a.ClosedAt == null).ToListAsync(),
            await db.DeviceMessages.CountAsync(m => m.DeviceKey == key)));
        var alarm = Assert.Single(open);
        Assert.Equal(2, alarm.Count);
        Assert.Equal(2, messages);
    }

    // The container disposes the sink once for each service it is registered as (the class and
    // IDeviceMessageSink), so a second dispose must be harmless; a call after it is refused, never lost silently.
    [Fact]
    public async Task DisposedTwice_IsHarmless_AndALaterCallIsRefused()
    {
        var sink = ActivatorUtilities.CreateInstance<DeviceMessageSink>(Host.Factory.Services);
        await sink.DisposeAsync();
        await sink.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            sink.AcceptAsync([Event("gb26875:nobody", "fault", "1-1/1-0001", T0)], CancellationToken.None));
    }

    // Many connections at once: each caller checks, as soon as its call returns, that its own message is
    // in the database (read on another connection, so only what was committed is seen). The writer must
    // have shared commits among callers, or this proves nothing about grouping.
    [Fact]
    public async Task ManyConcurrentCallers_AreAllStored_EachReturnsOnlyAfterTheCommitHoldingItsBatch()
    {
        using var admin = await Admin();
        var place = (await KeyPlaceAsync(admin, 3))["id"]!.GetValue<long>();
        var device = await RegisterAsync(admin, place);
        var key = device["deviceKey"]!.GetValue<string>();
        var sink = Host.Factory.Services.GetRequiredService<DeviceMessageSink>();
        const int callers = 200;
        var commitsBefore = sink.Commits;
        using var start = new SemaphoreSlim(0, callers);
        using var readers = new SemaphoreSlim(16); // a shared PostgreSQL server has few connections to spare
        var calls = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            var id = $"burst-{key}-{i}";
            await start.WaitAsync();
            await sink.AcceptAsync([Sample(key, "pressure_mpa", 0.3, T0.AddMilliseconds(i)) with { MessageId = id }], CancellationToken.None);
            await readers.WaitAsync();
            try { return await ReadAsync(Host, db => db.DeviceMessages.CountAsync(m => m.DeviceKey == key && m.MessageId == id)); }
            finally { readers.Release(); }
        })).ToList();
        start.Release(callers);
        var seenOnReturn = await Task.WhenAll(calls);

        Assert.All(seenOnReturn, n => Assert.Equal(1, n));
        Assert.Equal(callers, await ReadAsync(Host, db => db.DeviceMessages.CountAsync(m => m.DeviceKey == key)));
        Assert.InRange(sink.Commits - commitsBefore, 1, callers - 1);
    }

    // A caller whose batch cannot be applied (a message without a device key) fails alone; the
    // callers that shared its group are applied again without it and are stored.
    [Fact]
    public async Task ABadBatchInAGroup_FailsOnlyItsCaller()
    {
        using var admin = await Admin();
        var device = await RegisterAsync(admin, (await KeyPlaceAsync(admin, 3))["id"]!.GetValue<long>());
        var key = device["deviceKey"]!.GetValue<string>();
        var sink = Host.Factory.Services.GetRequiredService<DeviceMessageSink>();
        const int callers = 60, bad = 30;
        using var start = new SemaphoreSlim(0, callers);
        var calls = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            var m = Sample(i == bad ? null! : key, "pressure_mpa", 0.3, T0.AddMilliseconds(i));
            await start.WaitAsync();
            try
            {
                await sink.AcceptAsync([m], CancellationToken.None);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return false;
            }
        })).ToList();
        start.Release(callers);
        var stored = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, callers).Select(i => i != bad), stored);
        Assert.Equal(callers - 1, await ReadAsync(Host, db => db.DeviceMessages.CountAsync(m => m.DeviceKey == key)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDeviceMessageSinkTests(SqliteHost host) : DeviceMessageSinkTests<SqliteHost>(host);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeviceMessageSinkTests(PostgresHost host) : DeviceMessageSinkTests<PostgresHost>(host);
