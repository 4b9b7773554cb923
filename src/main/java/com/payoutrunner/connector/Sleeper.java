package com.payoutrunner.connector;

import java.time.Duration;

/** Waits; replaced in tests so that no unit test really sleeps. */
@FunctionalInterface
interface Sleeper {

	void sleep(Duration duration) throws InterruptedException;

	Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

}
