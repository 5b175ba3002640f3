"""Restart after kill -9, measured (src/test/bench/kill-restart.sh drives it).

  python3 kill_restart.py start BASE        uploads an 11,500-row registration file as the national
                                            administrator and returns once its job is storing rows
  python3 kill_restart.py after BASE ID     waits for the first answered page, readiness, and the job
                                            finished by the restarted portal; prints JSON timings
Never part of the test command.
"""
import http.client, json, random, string, sys, time, urllib.parse

PASSWORD = 'Pharmacy-Demo-2026'


def request(base, method, path, body=None, cookie=None, content_type='application/json'):
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    headers = {'Accept': 'application/json'}
    if body is not None:
        headers['Content-Type'] = content_type
    if cookie:
        headers['Cookie'] = cookie
    connection.request(method, path, body, headers)
    response = connection.getresponse()
    text = response.read()
    cookies = '; '.join(v.split(';')[0] for k, v in response.getheaders() if k.lower() == 'set-cookie')
    return response.status, text, cookies


def sign_in(base):
    status, _, cookie = request(base, 'POST', '/api/session', json.dumps({'username': 'national', 'password': PASSWORD}))
    if status != 204:
        raise SystemExit('cannot sign in: %s' % status)
    return cookie


def start(base):
    cookie = sign_in(base)
    stamp = '%x' % int(time.time())
    alphabet = string.ascii_uppercase + string.digits
    generator = random.Random(stamp)
    codes = set()
    while len(codes) < 11500:
        codes.add('F' + ''.join(generator.choice(alphabet) for _ in range(4)))
    rows = ["Trading name,Owner's name,Premises address,Postcode,Pharmacy ODS code,Pharmacy telephone,Current pharmacy email"]
    for n, code in enumerate(sorted(codes)):
        rows.append('Pharmacy %d,Owner %d Ltd,"%d High Street, Town",M1 1AE,%s,0161 496 %04d,p%d.%s@pharmacy.example.co.uk'
                    % (n, n, n, code, n % 10000, n, stamp))
    sheet = ('\r\n'.join(rows) + '\r\n').encode()
    status, text, _ = request(base, 'POST', '/api/registrations/files?name=kill-%s.csv' % stamp, sheet, cookie, 'text/csv')
    if status != 202:
        raise SystemExit('upload refused: %s %s' % (status, text[:300]))
    upload = json.loads(text)
    for _ in range(400):
        upload = json.loads(request(base, 'GET', '/api/registrations/files/%d' % upload['id'], cookie=cookie)[1])
        if upload['state'] == 'FINISHED':
            raise SystemExit('the job finished before it could be killed')
        if upload.get('accepted', 0) + upload.get('rejected', 0) > 0:
            break
        time.sleep(0.05)
    print(upload['id'])


def answered(base, path):
    try:
        return request(base, 'GET', path)[0] == 200
    except OSError:
        return False


def after(base, upload_id, started):
    page = ready = finished = None
    while time.time() - started < 600 and finished is None:
        now = time.time() - started
        if page is None and answered(base, '/login.xhtml'):
            page = now
        if ready is None and answered(base, '/health/ready'):
            ready = now
        if page is not None and ready is not None:
            cookie = sign_in(base)
            status, text, _ = request(base, 'GET', '/api/registrations/files/%d' % upload_id, cookie=cookie)
            if status == 200 and json.loads(text).get('state') == 'FINISHED':
                finished = time.time() - started
                break
            time.sleep(0.5)
        else:
            time.sleep(0.1)
    print(json.dumps({'first_page_s': page, 'ready_s': ready, 'job_finished_s': finished}))


if __name__ == '__main__':
    if sys.argv[1] == 'start':
        start(sys.argv[2])
    else:
        after(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
