package id.pantau.identity.domain;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226): HMAC-SHA1 of the number of
 * 30-second steps since the epoch, dynamically truncated to six digits. A code is accepted one step early or late (a
 * phone's clock a little off, a code typed as it changed), never more.
 */
public final class Totp {

	public static final int DIGITS = 6;
	public static final long STEP_SECONDS = 30;
	/** Steps accepted on either side of the current one. */
	public static final int WINDOW = 1;
	private static final int SECRET_BYTES = 20;
	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new random secret of 160 bits (the size RFC 4226 recommends for HMAC-SHA1), in base32. */
	public static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return base32(secret);
	}

	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one time step, with its leading zeros. */
	public static String code(byte[] secret, long step) {
		byte[] counter = new byte[8];
		for (int i = 7, s = 0; i >= 0; i--, s += 8) {
			counter[i] = (byte) (step >>> s);
		}
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			hash = mac.doFinal(counter);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % 1_000_000);
	}

	public static String code(String base32Secret, Instant at) {
		return code(fromBase32(base32Secret), step(at));
	}

	/**
	 * The step whose code this is, within the window around {@code at} and after {@code lastUsedStep} (a code once
	 * accepted is never accepted again, nor an older one); empty when the code is wrong, stale or reused.
	 */
	public static OptionalLong matchingStep(byte[] secret, String typed, Instant at, long lastUsedStep) {
		String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
		if (!code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long now = step(at);
		OptionalLong found = OptionalLong.empty();
		for (long step = now - WINDOW; step <= now + WINDOW; step++) {
			// every candidate is computed and compared in constant time: how long an answer takes tells nothing
			boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII));
			if (equal && step > lastUsedStep && found.isEmpty()) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

	/** What an authenticator app reads (typed in, or from a QR code): {@code otpauth://totp/Issuer:user?...}. */
	public static String uri(String issuer, String account, String base32Secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	/** The secret in groups of four letters, easier to type into an app. */
	public static String grouped(String base32Secret) {
		return base32Secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	public static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	public static byte[] fromBase32(String text) {
		String clean = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >>> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
