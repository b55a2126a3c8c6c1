-- An administrator's change to a lint rule: switched off, or graded MUST/SHOULD/MAY differently.
CREATE TABLE lint_rule_setting (
    rule_id    TEXT PRIMARY KEY,
    enabled    BOOLEAN     NOT NULL,
    level      TEXT CHECK (level IN ('MUST', 'SHOULD', 'MAY')),
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- An office's justified exception to one rule for one of its APIs; its violations are reported as excepted.
CREATE TABLE lint_exception (
    api_id        TEXT        NOT NULL REFERENCES api (id),
    rule_id       TEXT        NOT NULL,
    justification TEXT        NOT NULL,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (api_id, rule_id)
);
