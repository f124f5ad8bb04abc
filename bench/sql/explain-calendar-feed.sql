-- EXPLAIN ANALYZE of the feed's two big queries (copies of MeetingRepository.all and .openActionItems; keep in
-- sync) for Musterstadt. Run by bench/calendar-feed.sh with -v partnership=UUID.
\echo '--- meetings of the partnership (MeetingRepository.all)'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM meetings_meeting WHERE partnership_id = :'partnership' ORDER BY starts_at DESC;
\echo '--- open action items of the partnership (MeetingRepository.openActionItems)'
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM meetings_action_item
WHERE partnership_id = :'partnership' AND status IN ('OPEN', 'IN_PROGRESS') ORDER BY due_on;
