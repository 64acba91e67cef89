-- What the score log needs to know about a write transaction, captured by
-- the server (the file's store does the same with temporary triggers on its
-- writing connection, sqlite/scorelog.go armLogSQL). The triggers write into
-- the session's temporary tables log_score, log_decision and log_dirty,
-- which the store creates before its first write (tempTablesSQL in
-- capture.go); a session without them (psql, another program) is not
-- captured, so its score changes show up in verify as scores the log does
-- not replay to, as a file written by sqlite3 does.
--
-- Every change also notifies channel dossier_changed at commit, so that
-- other screens on the campaign refresh (LISTEN in the store).

CREATE OR REPLACE FUNCTION dossier_capture_score() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF to_regclass('pg_temp.log_score') IS NULL THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO pg_temp.log_score (evaluator_id, unit_id, category_id, old, new) VALUES (OLD.evaluator_id, OLD.unit_id, OLD.category_id, OLD.tenths, NULL);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO pg_temp.log_score (evaluator_id, unit_id, category_id, old, new) VALUES (NEW.evaluator_id, NEW.unit_id, NEW.category_id, NULL, NEW.tenths);
	END IF;
	RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER capture_score AFTER INSERT OR UPDATE OR DELETE ON score
	FOR EACH ROW EXECUTE FUNCTION dossier_capture_score();

CREATE OR REPLACE FUNCTION dossier_capture_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF to_regclass('pg_temp.log_decision') IS NULL THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO pg_temp.log_decision (unit_id, recommended, reason) VALUES (OLD.unit_id, NULL, NULL);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO pg_temp.log_decision (unit_id, recommended, reason) VALUES (NEW.unit_id, NEW.recommended, NEW.reason);
	END IF;
	RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER capture_decision AFTER INSERT OR UPDATE OR DELETE ON decision
	FOR EACH ROW EXECUTE FUNCTION dossier_capture_decision();

-- TG_ARGV[0] is what became dirty: 'rule' or 'unit'.
CREATE OR REPLACE FUNCTION dossier_capture_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF to_regclass('pg_temp.log_dirty') IS NOT NULL THEN
		INSERT INTO pg_temp.log_dirty (tbl) VALUES (TG_ARGV[0]) ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER capture_rule AFTER UPDATE ON campaign
	FOR EACH STATEMENT EXECUTE FUNCTION dossier_capture_dirty('rule');
CREATE OR REPLACE TRIGGER capture_rule AFTER INSERT OR UPDATE OR DELETE ON category
	FOR EACH STATEMENT EXECUTE FUNCTION dossier_capture_dirty('rule');
CREATE OR REPLACE TRIGGER capture_rule AFTER INSERT OR UPDATE OR DELETE ON evaluator
	FOR EACH STATEMENT EXECUTE FUNCTION dossier_capture_dirty('rule');
CREATE OR REPLACE TRIGGER capture_rule AFTER INSERT OR UPDATE OR DELETE ON conflict_override
	FOR EACH STATEMENT EXECUTE FUNCTION dossier_capture_dirty('rule');
CREATE OR REPLACE TRIGGER capture_unit AFTER INSERT OR DELETE ON unit
	FOR EACH STATEMENT EXECUTE FUNCTION dossier_capture_dirty('unit');
CREATE OR REPLACE TRIGGER capture_unit_edit AFTER UPDATE OF code, name, region, recommender ON unit
	FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.name IS DISTINCT FROM NEW.name
		OR OLD.region IS DISTINCT FROM NEW.region OR OLD.recommender IS DISTINCT FROM NEW.recommender)
	EXECUTE FUNCTION dossier_capture_dirty('unit');

CREATE OR REPLACE FUNCTION dossier_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('dossier_changed', '');
	RETURN NULL;
END
$$;
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['campaign', 'category', 'indicator', 'unit', 'achievement', 'indicator_value', 'photo',
		'evaluator', 'conflict_override', 'decision', 'score', 'comment', 'history', 'scoring', 'review_resolution', 'revision', 'calendar_day']
	LOOP
		EXECUTE format('CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify()', t);
	END LOOP;
END
$$;
