package com.payoutrunner.support;

/**
 * A setting of the running test application that a test may change (the clock, the run
 * ceiling, the bank, the connector routes, the console): the integration test base gives
 * it back after every test, so that the next test, in the same cached context, finds it
 * as configured.
 */
public interface RestoredAfterEachTest {

	void restore();

}
