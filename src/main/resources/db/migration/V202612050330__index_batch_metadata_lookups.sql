-- Spring Batch's schema indexes no foreign key. Its own DAOs look up executions by instance and step
-- executions and parameters by execution, and the runs list (API, console, status) finds an event's or a
-- schedule's runs by parameter: without these, every such lookup reads the whole table (with 20,000
-- executions, filtering the runs list by event took over three minutes).
CREATE INDEX ix_batch_job_execution_instance ON batch_job_execution (job_instance_id);
CREATE INDEX ix_batch_step_execution_execution ON batch_step_execution (job_execution_id);
CREATE INDEX ix_batch_job_execution_params_execution ON batch_job_execution_params (job_execution_id);
-- Hash, not b-tree: a parameter value may be up to 2,500 characters, more than a b-tree entry holds.
CREATE INDEX ix_batch_job_execution_params_event ON batch_job_execution_params USING hash (parameter_value)
    WHERE parameter_name = 'event';
CREATE INDEX ix_batch_job_execution_params_schedule ON batch_job_execution_params USING hash (parameter_value)
    WHERE parameter_name = 'schedule';
