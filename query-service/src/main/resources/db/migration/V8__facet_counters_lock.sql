-- One lock order for the facet counters across a whole transaction, so that concurrent writers wait instead of
-- deadlocking.
--
-- The counter triggers (V2, V3, V7) each apply their deltas in key order, but that order holds only within one firing.
-- The sink's upsert is one statement that fires two (its UPDATE and its INSERT ... ON CONFLICT part), and a batch with
-- tombstones fires a third (its DELETE): transaction 1's update firing takes counter X, transaction 2's takes Y, then
-- each one's insert firing asks for the other's. PostgreSQL aborted one of them with a deadlock, and the sink ran the
-- batch again (paperstream_query_batches_retried_total{reason="conflict"}): nothing was lost, but the work was done
-- twice, and more often the more consumers and replicas wrote at once.
--
-- Now the first firing of a transaction that changes any row takes one transaction-scoped advisory lock before any
-- counter, and keeps it to the commit: the counter work of concurrent transactions runs one after the other, always
-- in key order. The heavy part of a write (the rows, their search vectors and indexes) is done before the statement's
-- triggers fire and still runs in parallel. It serialises little that was not serialised already: nearly every paper
-- touches the same few counters (all papers, its year, the common categories and link kinds), which a transaction
-- holds from its first firing to its commit anyway.
--
-- The lock's triggers are named to sort before the counter triggers (paper_counters_lock_* < paper_facet_*):
-- PostgreSQL fires the triggers of one event in name order.

CREATE FUNCTION paper_counters_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- transition tables: `added` exists for INSERT and UPDATE, `removed` for DELETE; a statement that changed no row
    -- changes no counter and takes no lock
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM removed) THEN
            RETURN NULL;
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM added) THEN
        RETURN NULL;
    END IF;
    -- the key: any constant the application uses for nothing else ("pfc" in ASCII); taken again by a later firing
    -- of the same transaction, it is already held
    PERFORM pg_advisory_xact_lock(7366243);
    RETURN NULL;
END;
$$;

CREATE TRIGGER paper_counters_lock_insert AFTER INSERT ON paper REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION paper_counters_lock();
CREATE TRIGGER paper_counters_lock_update AFTER UPDATE ON paper REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION paper_counters_lock();
CREATE TRIGGER paper_counters_lock_delete AFTER DELETE ON paper REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION paper_counters_lock();
