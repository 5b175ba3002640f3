#!/usr/bin/env python3
"""Times access changes reaching the mail platform, on a running portal with platform.kind=dovecot.

  1. latency: N grant/revoke pairs over the API, one at a time; for each, the time from the API's
     answer until the delegate's own IMAP login can (or can no longer) open the shared mailbox;
  2. throughput: with Dovecot stopped, M changes are queued; Dovecot is started and the dispatcher's
     drain rate is measured from the applied times.

Usage: platform_bench.py BASE_URL MYSQL_DB DOVECOT_CONF ODS [N] [M] [IMAP_PORT] [LEO_PASSWORD]
Not part of the test command. Reads provisioning_event with the mysql client.
"""
import functools, http.cookiejar, imaplib, json, statistics, subprocess, sys, time, urllib.request
print = functools.partial(print, flush=True)

BASE, DB, CONF, ODS = sys.argv[1].rstrip('/') + '/', sys.argv[2], sys.argv[3], sys.argv[4]
N = int(sys.argv[5]) if len(sys.argv) > 5 else 100
M = int(sys.argv[6]) if len(sys.argv) > 6 else 400
IMAP_PORT = int(sys.argv[7]) if len(sys.argv) > 7 else 143
LEO_PASSWORD = sys.argv[8] if len(sys.argv) > 8 else 'leo-pass'
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def call(method, path, body=None):
    req = urllib.request.Request(BASE + 'api/' + path, data=None if body is None else json.dumps(body).encode(),
                                 method=method, headers={'Accept': 'application/json', 'Content-Type': 'application/json'})
    with opener.open(req) as r:
        text = r.read().decode()
        return json.loads(text) if text else None


def sql(query):
    out = subprocess.run(['mysql', '-h', '127.0.0.1', '-u', 'root', '-N', '-B', DB, '-e', query],
                         capture_output=True, text=True, check=True).stdout
    return [line.split('\t') for line in out.splitlines() if line]


def pairs(count):
    for _ in range(count):
        access = call('POST', 'delegations', {'odsCode': ODS, 'account': 'leo.lindqvist@nhs.net',
                                              'permissions': ['FULL_ACCESS'], 'owner': False, 'reason': 'bench'})
        call('POST', f"delegations/{access['id']}/revoke", {'reason': 'bench', 'confirm': True})


def await_applied(first_id):
    while sql(f"SELECT COUNT(*) FROM provisioning_event WHERE id >= {first_id} AND state = 'PENDING'")[0][0] != '0':
        time.sleep(0.2)


call('POST', 'session', {'username': 'national', 'password': 'Pharmacy-Demo-2026'})
MAILBOX = 'pharmacy.' + ODS.lower() + '@nhs.net'


def leo_can_open():
    imap = imaplib.IMAP4('127.0.0.1', IMAP_PORT)
    try:
        imap.login('leo.lindqvist@nhs.net', LEO_PASSWORD)
        status, _ = imap.select('"shared/' + MAILBOX + '"', readonly=True)
        return status == 'OK'
    finally:
        try:
            imap.logout()
        except Exception:
            pass


def until(expected):
    t0 = time.perf_counter()
    while leo_can_open() != expected:
        if time.perf_counter() - t0 > 10:
            raise SystemExit('the platform did not follow within 10 s')
    return (time.perf_counter() - t0) * 1000


pairs(5)  # warm-up
grants, revokes = [], []
for _ in range(N):
    access = call('POST', 'delegations', {'odsCode': ODS, 'account': 'leo.lindqvist@nhs.net',
                                          'permissions': ['FULL_ACCESS'], 'owner': False, 'reason': 'bench'})
    grants.append(until(True))
    call('POST', f"delegations/{access['id']}/revoke", {'reason': 'bench', 'confirm': True})
    revokes.append(until(False))
for name, xs in (('grant', grants), ('revoke (with doveadm kick)', revokes)):
    xs.sort()
    print(f"{name}: from the API's answer until the delegate's IMAP login sees it, over {len(xs)} changes one at a time: "
          f"median {statistics.median(xs):.1f} ms, p95 {xs[int(len(xs) * 0.95) - 1]:.1f} ms (includes one IMAP login per probe)")

subprocess.run(['dovecot', '-c', CONF, 'stop'], check=True)
time.sleep(1)
queued_id = int(sql("SELECT COALESCE(MAX(id), 0) + 1 FROM provisioning_event")[0][0])
pairs(M // 2)
subprocess.run(['dovecot', '-c', CONF], check=True)
await_applied(queued_id)
span = sql(f"SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(applied_at), MAX(applied_at)) FROM provisioning_event "
           f"WHERE id >= {queued_id}")[0]
print(f"throughput: {span[0]} queued events drained in {int(span[1]) / 1e6:.2f} s = {int(span[0]) / (int(span[1]) / 1e6):.0f} events/s")
