package id.pantau.identity.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import id.pantau.platform.PrivateFiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts second-factor secrets before they reach the database (AES-256-GCM, a fresh nonce each time), so that a
 * copy of the database or a backup does not give away anyone's codes. The key comes from {@code PANTAU_TOTP_KEY} or,
 * where that is unset (a single machine, the demo), from a key file made at the first start next to the data.
 */
@Component
class SecretBox {

	private static final int NONCE_BYTES = 12;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	SecretBox(SecuritySettings settings) {
		this.key = new SecretKeySpec(keyBytes(settings), "AES");
	}

	String seal(byte[] plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain);
			return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
					.put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot encrypt", e);
		}
	}

	byte[] open(String sealed) {
		if (sealed == null || !sealed.startsWith("v1:")) {
			throw new IllegalStateException("Unknown secret format");
		}
		try {
			byte[] all = Base64.getDecoder().decode(sealed.substring(3));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
			return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot decrypt a second-factor secret: was the key changed?", e);
		}
	}

	private static byte[] keyBytes(SecuritySettings settings) {
		if (settings.totpKey() != null && !settings.totpKey().isBlank()) {
			return checked(Base64.getDecoder().decode(settings.totpKey().strip()), "PANTAU_TOTP_KEY");
		}
		Path file = Path.of(settings.totpKeyFile());
		try {
			if (Files.exists(file)) {
				return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
			}
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			Path folder = file.toAbsolutePath().getParent();
			if (folder != null && !Files.isDirectory(folder)) {
				PrivateFiles.folder(folder);
			}
			// 0600 from its creation: written first and restricted after, it was readable for a moment
			PrivateFiles.write(file, Base64.getEncoder().encodeToString(fresh).getBytes(StandardCharsets.US_ASCII));
			return fresh;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read or create the TOTP key file " + file, e);
		}
	}

	private static byte[] checked(byte[] key, String source) {
		if (key.length != 32) {
			throw new IllegalStateException(source + " must be the base64 of 32 random bytes (openssl rand -base64 32)");
		}
		return key;
	}
}
