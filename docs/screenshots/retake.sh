#!/usr/bin/env bash
# Retakes the README's screenshots with the browser tests that make them, then copies them here.
# Usage: bash docs/screenshots/retake.sh   (needs Chromium, as the browser tests do)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q verify -Dskip.surefire.tests=true -Dit.test='SignInIT,PremisesAccessIT,LeaverJourneyIT,AccessibilityIT,HrSystemsJourneyIT,SafeSendingIT,ReviewJourneyIT,DeputyJourneyIT'
shots=target/screenshots
cp "$shots/home-loa.bolton.png" docs/screenshots/home-loa-bolton.png
cp "$shots/home-owner.cohens.png" docs/screenshots/home-owner-cohens.png
cp "$shots/premises-granted.png" docs/screenshots/premises-granted.png
cp "$shots/leaver-closed.png" docs/screenshots/leaver-case.png
cp "$shots/premises-390px.png" docs/screenshots/premises-390px.png
cp "$shots/hr-systems.png" docs/screenshots/hr-systems.png
cp "$shots/disclosure-footer.png" docs/screenshots/disclosure-footer.png
cp "$shots/review-worklist.png" docs/screenshots/review-worklist.png
cp "$shots/deputy-appointed.png" docs/screenshots/deputy-appointed.png
echo "docs/screenshots retaken from $shots"
