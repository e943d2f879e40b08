-- Event deliveries whose handler failed every attempt, moved out of the publication registry (event_publication)
-- so that they never stand in front of newer failed deliveries when redelivery reads the oldest first. An operator
-- moves them back once the cause is fixed (docs/runbook.md).
CREATE TABLE event_dead_letters (
    id                     uuid PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_attempts    int         NOT NULL,
    last_resubmission_date timestamptz,
    buried_at              timestamptz NOT NULL DEFAULT now()
);
