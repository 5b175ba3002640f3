#!/usr/bin/env bash
# Verifies the portal's audit trail: every row as the portal wrote it (MAC), the seal chain unbroken,
# and, given an exported head (the daily audit-heads/audit-head-YYYY-MM-DD.txt: "seal_no event_id hash"),
# that the chain still holds it. Exits 0 if intact, 1 if anything is named, 2 if the call failed.
#
#   PORTAL_URL=https://portal.example.nhs.uk PORTAL_USER=national.admin@nhs.net PORTAL_PASSWORD=... \
#     deploy/audit-verify.sh [audit-head-2026-12-01.txt]
set -euo pipefail
url="${PORTAL_URL:-http://127.0.0.1:8080}"
jar="$(mktemp)"; trap 'rm -f "$jar"' EXIT
body=$(printf '{"username":"%s","password":"%s"}' "${PORTAL_USER:?set PORTAL_USER}" "${PORTAL_PASSWORD:?set PORTAL_PASSWORD}")
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -H 'Content-Type: application/json' -d "$body" "$url/api/session")
[ "$status" = 204 ] || { echo "sign-in failed ($status)"; exit 2; }
query=""
if [ $# -ge 1 ]; then
  read -r seal_no _event hash < "$1"
  query="?sealNo=$seal_no&hash=$hash"
fi
report=$(curl -s -f -b "$jar" "$url/api/audit/verify$query") || { echo "verify call failed"; exit 2; }
echo "$report"
case "$report" in
  *'"problems":[]'*) echo "audit trail intact"; exit 0 ;;
  *) echo "audit trail NOT intact: see problems above"; exit 1 ;;
esac
