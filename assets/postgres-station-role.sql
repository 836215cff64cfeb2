-- The PostgreSQL role the stations connect as, for a ranking that holds (see the README's
-- threat model). Run once as the database's owner, after the first `rehearse` run has created
-- the schema, e.g.:
--     psql "$OWNER_URL" -v station=rehearse_station -v password="'…'" -f assets/postgres-station-role.sql
-- A station can then save sessions and check PINs, and nothing else: it cannot change or delete
-- a record, add a trainee, change a PIN or assign scenarios. The trainer runs those commands with
-- the owner's URL.
CREATE ROLE :station LOGIN PASSWORD :password;
GRANT SELECT ON schema_version, assignments TO :station;
GRANT SELECT, INSERT ON records, content_versions TO :station;
GRANT SELECT, INSERT, UPDATE ON chain_head TO :station;
GRANT SELECT ON trainees TO :station;
GRANT UPDATE (failed_tries, paused_until) ON trainees TO :station;
