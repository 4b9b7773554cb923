package com.payoutrunner.support;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 that nothing listens on, for the servers a test starts. */
public final class FreePorts {

	private FreePorts() {
	}

	public static int next() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
