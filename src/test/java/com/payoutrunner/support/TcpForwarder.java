package com.payoutrunner.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback port that forwards every connection to another address, opened when a test
 * decides: a server that is not there yet, then is (a database that comes up after the
 * process that needs it).
 */
public final class TcpForwarder implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private TcpForwarder(ServerSocket server, String targetHost, int targetPort) {
		this.server = server;
		this.targetHost = targetHost;
		this.targetPort = targetPort;
	}

	/** Starts forwarding {@code port} (on 127.0.0.1) to the target. */
	public static TcpForwarder open(int port, String targetHost, int targetPort) throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress("127.0.0.1", port));
		TcpForwarder forwarder = new TcpForwarder(server, targetHost, targetPort);
		Thread acceptor = new Thread(forwarder::accept, "tcp-forwarder-" + port);
		acceptor.setDaemon(true);
		acceptor.start();
		return forwarder;
	}

	private void accept() {
		while (!server.isClosed()) {
			Socket client;
			try {
				client = server.accept();
			}
			catch (IOException closed) {
				return;
			}
			try {
				Socket target = new Socket(targetHost, targetPort);
				pipe(client, target);
				pipe(target, client);
			}
			catch (IOException refused) {
				// this connection fails, as it would without the forwarder; the next may
				// not
				closeQuietly(client);
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ended) {
				// either side closed: the other is closed below
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-forwarder-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
