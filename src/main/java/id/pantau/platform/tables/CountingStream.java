package id.pantau.platform.tables;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it: for a progress bar, and (for a workbook's parts) against the unpacked budget,
 * which its {@link Check} sees after every read.
 */
final class CountingStream extends FilterInputStream {

	/** Sees each read: the bytes it gave and the count so far; may throw to stop the reading. */
	@FunctionalInterface
	interface Check {

		void read(long bytes, long total);
	}

	private final Check check;
	private volatile long count;

	CountingStream(InputStream in, Check check) {
		super(in);
		this.check = check;
	}

	long count() {
		return count;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count++;
			check.read(1, count);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count += n;
			check.read(n, count);
		}
		return n;
	}
}
