-- Who may do what in a campaign on the server, enforced by the server
-- itself (DESIGN.md "Shared campaigns on a server"). Run after every
-- migration, as the clerks' group role, so it also covers tables added
-- later; every statement can run again. {{clerk}}, {{chair}} and
-- {{evaluator}} are this database's group roles (see roles.go): a login is
-- a member of exactly one of them.
--
--   clerk (工作人员): owns every table: everything, row security does not
--     apply to the owner.
--   chair (主任): reads everything; records decisions and 复核 resolutions;
--     opens and closes scoring (which writes the history and the score log).
--   evaluator (评委): reads the units' material; reads and writes only their
--     own scores and comments, and only while scoring is not closed; sees
--     no other evaluator's scores, no decisions and no score log (they
--     would give the ranking away) until scoring is closed.
-- Every history entry and score-log record carries the login that wrote
-- it (session_user), which no one but a clerk can set otherwise.

-- The role of the session's login in this campaign.
CREATE OR REPLACE FUNCTION dossier_role() RETURNS text LANGUAGE sql STABLE AS $$
	SELECT CASE
		WHEN pg_has_role(session_user, '{{clerk_name}}', 'USAGE') THEN 'clerk'
		WHEN pg_has_role(session_user, '{{chair_name}}', 'USAGE') THEN 'chair'
		WHEN pg_has_role(session_user, '{{evaluator_name}}', 'USAGE') THEN 'evaluator'
	END
$$;

-- The 评委 an evaluator login scores as (NULL for other logins).
CREATE OR REPLACE FUNCTION dossier_evaluator_id() RETURNS text LANGUAGE sql STABLE AS $$
	SELECT evaluator_id FROM account WHERE login = session_user
$$;

CREATE OR REPLACE FUNCTION dossier_scoring_closed() RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT coalesce((SELECT state = 'closed' FROM scoring), false)
$$;

-- The login that wrote a record is the session's, except for a clerk, who
-- may carry over the login of a record copied from elsewhere.
CREATE OR REPLACE FUNCTION dossier_stamp_login() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.login IS NULL OR NEW.login = '' OR dossier_role() IS DISTINCT FROM 'clerk' THEN
		NEW.login := session_user;
	END IF;
	RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER history_login BEFORE INSERT OR UPDATE ON history
	FOR EACH ROW EXECUTE FUNCTION dossier_stamp_login();
CREATE OR REPLACE TRIGGER score_log_login BEFORE INSERT OR UPDATE ON score_log
	FOR EACH ROW EXECUTE FUNCTION dossier_stamp_login();

-- An evaluator's score may open scoring (the first score recorded does), but
-- only the chair or a clerk closes it, and only a clerk changes its rule.
CREATE OR REPLACE FUNCTION dossier_guard_scoring() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	r text := dossier_role();
BEGIN
	IF r = 'clerk' THEN
		RETURN NEW;
	END IF;
	IF NEW.outlier_pct IS DISTINCT FROM OLD.outlier_pct
		OR (r = 'evaluator' AND NEW.state IS DISTINCT FROM OLD.state AND NOT (OLD.state = 'draft' AND NEW.state = 'open'))
		OR (NEW.fingerprint IS DISTINCT FROM OLD.fingerprint AND OLD.state <> 'draft' AND NEW.state = OLD.state) THEN
		RAISE EXCEPTION '登录 % 无权更改评分状态或评分规则', session_user USING ERRCODE = '42501';
	END IF;
	RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER scoring_guard BEFORE UPDATE ON scoring
	FOR EACH ROW EXECUTE FUNCTION dossier_guard_scoring();

-- Once scoring is closed an evaluator's scores and comments are read-only
-- (said in words, before the row policies would refuse it wordlessly).
CREATE OR REPLACE FUNCTION dossier_guard_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF dossier_role() = 'evaluator' AND dossier_scoring_closed() THEN
		RAISE EXCEPTION '评分已结束，评分只读；如需修改，请主任或工作人员说明理由重新开启评分' USING ERRCODE = '42501';
	END IF;
	RETURN coalesce(NEW, OLD);
END
$$;
CREATE OR REPLACE TRIGGER score_closed BEFORE INSERT OR UPDATE OR DELETE ON score
	FOR EACH ROW EXECUTE FUNCTION dossier_guard_closed();
CREATE OR REPLACE TRIGGER comment_closed BEFORE INSERT OR UPDATE OR DELETE ON comment
	FOR EACH ROW EXECUTE FUNCTION dossier_guard_closed();

-- Table rights. Nothing for PUBLIC.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {{chair}}, {{evaluator}};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {{chair}}, {{evaluator}};
GRANT USAGE ON SCHEMA public TO {{chair}}, {{evaluator}};

GRANT SELECT ON ALL TABLES IN SCHEMA public TO {{chair}};
GRANT INSERT, UPDATE, DELETE ON decision, review_resolution TO {{chair}};
GRANT INSERT ON history, score_log TO {{chair}};
GRANT UPDATE ON scoring, file_identity TO {{chair}};

-- Every table, for reading: the material and settings in full, and the
-- tables below whose rows say more than an evaluator may know through
-- their row policies. A new table is readable by evaluators unless it gets
-- a policy here.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO {{evaluator}};
GRANT INSERT, UPDATE, DELETE ON score, comment TO {{evaluator}};
GRANT INSERT ON history, score_log TO {{evaluator}};
GRANT UPDATE ON scoring, file_identity TO {{evaluator}};

GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {{chair}}, {{evaluator}};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {{chair}}, {{evaluator}};

-- Rows. The owner (the clerks) is not subject to these policies.
ALTER TABLE score ENABLE ROW LEVEL SECURITY;
ALTER TABLE comment ENABLE ROW LEVEL SECURITY;
ALTER TABLE decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE score_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE history ENABLE ROW LEVEL SECURITY;
ALTER TABLE account ENABLE ROW LEVEL SECURITY;
ALTER TABLE review_resolution ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS chair_all ON score;
CREATE POLICY chair_all ON score TO {{chair}} USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS own_read ON score;
CREATE POLICY own_read ON score FOR SELECT TO {{evaluator}}
	USING (evaluator_id = dossier_evaluator_id() OR dossier_scoring_closed());
DROP POLICY IF EXISTS own_insert ON score;
CREATE POLICY own_insert ON score FOR INSERT TO {{evaluator}}
	WITH CHECK (evaluator_id = dossier_evaluator_id());
DROP POLICY IF EXISTS own_update ON score;
CREATE POLICY own_update ON score FOR UPDATE TO {{evaluator}}
	USING (evaluator_id = dossier_evaluator_id())
	WITH CHECK (evaluator_id = dossier_evaluator_id());
DROP POLICY IF EXISTS own_delete ON score;
CREATE POLICY own_delete ON score FOR DELETE TO {{evaluator}}
	USING (evaluator_id = dossier_evaluator_id());

DROP POLICY IF EXISTS chair_all ON comment;
CREATE POLICY chair_all ON comment TO {{chair}} USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS own_read ON comment;
CREATE POLICY own_read ON comment FOR SELECT TO {{evaluator}}
	USING (evaluator_id = dossier_evaluator_id() OR dossier_scoring_closed());
DROP POLICY IF EXISTS own_insert ON comment;
CREATE POLICY own_insert ON comment FOR INSERT TO {{evaluator}}
	WITH CHECK (evaluator_id = dossier_evaluator_id());
DROP POLICY IF EXISTS own_update ON comment;
CREATE POLICY own_update ON comment FOR UPDATE TO {{evaluator}}
	USING (evaluator_id = dossier_evaluator_id())
	WITH CHECK (evaluator_id = dossier_evaluator_id());
DROP POLICY IF EXISTS own_delete ON comment;
CREATE POLICY own_delete ON comment FOR DELETE TO {{evaluator}}
	USING (evaluator_id = dossier_evaluator_id());

DROP POLICY IF EXISTS chair_all ON decision;
CREATE POLICY chair_all ON decision TO {{chair}} USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS after_close ON decision;
CREATE POLICY after_close ON decision FOR SELECT TO {{evaluator}} USING (dossier_scoring_closed());

DROP POLICY IF EXISTS chair_all ON review_resolution;
CREATE POLICY chair_all ON review_resolution TO {{chair}} USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS after_close ON review_resolution;
CREATE POLICY after_close ON review_resolution FOR SELECT TO {{evaluator}} USING (dossier_scoring_closed());

DROP POLICY IF EXISTS chair_all ON score_log;
CREATE POLICY chair_all ON score_log TO {{chair}} USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS after_close ON score_log;
CREATE POLICY after_close ON score_log FOR SELECT TO {{evaluator}} USING (dossier_scoring_closed());
DROP POLICY IF EXISTS append ON score_log;
CREATE POLICY append ON score_log FOR INSERT TO {{evaluator}} WITH CHECK (true);

DROP POLICY IF EXISTS chair_all ON history;
CREATE POLICY chair_all ON history TO {{chair}} USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS own_read ON history;
CREATE POLICY own_read ON history FOR SELECT TO {{evaluator}} USING (login = session_user);
DROP POLICY IF EXISTS append ON history;
CREATE POLICY append ON history FOR INSERT TO {{evaluator}} WITH CHECK (login = session_user);

DROP POLICY IF EXISTS chair_all ON account;
CREATE POLICY chair_all ON account FOR SELECT TO {{chair}} USING (true);
DROP POLICY IF EXISTS own_read ON account;
CREATE POLICY own_read ON account FOR SELECT TO {{evaluator}} USING (login = session_user);
