-- Attempts (issue 24): a training interrupted (its backend restarted, an operator resumed it) runs again from its
-- last checkpoint as a new attempt of the same operation. attempts_json is the list clients see (when, where,
-- from which epoch, why the previous one ended); attempt is the current attempt's number, what the one
-- conditional update that claims the next attempt compares (with owner_node), so two replicas never both resume.
ALTER TABLE operations ADD COLUMN attempt INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE operations ADD COLUMN attempts_json VARCHAR;
