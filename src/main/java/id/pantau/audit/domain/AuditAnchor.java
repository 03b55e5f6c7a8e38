package id.pantau.audit.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import id.pantau.audit.AuditCheckpoint;
import id.pantau.audit.AuditCheckpoints;
import id.pantau.platform.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What anchors the audit trail outside the database: an Ed25519 key pair the database never holds (a file made at the
 * first start, readable by its owner only) and an append-only file of checkpoints signed with it, one JSON object a
 * line. Someone who can write to the database can recompute the SHA-256 chain after changing or removing rows, but
 * cannot sign a checkpoint, and cannot change the copies that partners took from the changes feed.
 * <p>
 * The same key also gives the key of the keyed hash that stands for free text in audit details (a reason): the text
 * can be checked against the hash by someone who has it, but cannot be read from the trail.
 */
@Component
public class AuditAnchor implements AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchor.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path keyFile;
	private final Path checkpointFile;
	private final PrivateKey privateKey;
	private final PublicKey publicKey;
	private final String keyId;
	private final byte[] textKey;

	AuditAnchor(AuditSettings settings) {
		Path dir = Path.of(settings.anchorDir());
		this.keyFile = blank(settings.signingKeyFile()) ? dir.resolve("audit-signing.key")
				: Path.of(settings.signingKeyFile());
		this.checkpointFile = blank(settings.checkpointFile()) ? dir.resolve("audit-checkpoints.log")
				: Path.of(settings.checkpointFile());
		KeyPair pair = loadOrCreate(keyFile);
		this.privateKey = pair.getPrivate();
		this.publicKey = pair.getPublic();
		this.keyId = HexFormat.of().formatHex(sha256(publicKey.getEncoded()), 0, 8);
		this.textKey = sha256(("pantau-audit-text/v1").getBytes(StandardCharsets.US_ASCII), privateKey.getEncoded());
	}

	public Path checkpointFile() {
		return checkpointFile;
	}

	public Path keyFile() {
		return keyFile;
	}

	@Override
	public String keyId() {
		return keyId;
	}

	@Override
	public String publicKey() {
		return Base64.getEncoder().encodeToString(publicKey.getEncoded());
	}

	@Override
	public String publicKeyPem() {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
	}

	@Override
	public Optional<AuditCheckpoint> latest() {
		List<Line> lines = read();
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).checkpoint() != null) {
				return Optional.of(lines.get(i).checkpoint());
			}
		}
		return Optional.empty();
	}

	/** Signs and appends a checkpoint; one write under a file lock, so two processes never interleave lines. */
	AuditCheckpoint write(String kind, long lastId, String hash, Instant at) {
		AuditCheckpoint checkpoint = new AuditCheckpoint(kind, lastId, hash, at, keyId,
				Base64.getEncoder().encodeToString(sign(AuditCheckpoint.signedText(kind, lastId, hash, at))));
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("kind", kind);
		members.put("lastId", lastId);
		members.put("hash", hash);
		members.put("at", at.toString());
		members.put("keyId", keyId);
		members.put("signature", checkpoint.signature());
		String line = Json.write(members) + "\n";
		try {
			createPrivately(checkpointFile, false);
			try (FileChannel channel = FileChannel.open(checkpointFile, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
				channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
				channel.force(false);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot append to the audit checkpoint file " + checkpointFile, e);
		}
		return checkpoint;
	}

	/**
	 * A line of the checkpoint file: a checkpoint whose signature holds, or (checkpoint null) one that does not parse
	 * or whose signature fails ({@code forged}), or one signed by another key ({@code otherKey}).
	 */
	record Line(int number, AuditCheckpoint checkpoint, boolean forged, boolean otherKey) {
	}

	List<Line> read() {
		List<Line> lines = new ArrayList<>();
		if (!Files.exists(checkpointFile)) {
			return lines;
		}
		List<String> texts;
		try {
			texts = Files.readAllLines(checkpointFile, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the audit checkpoint file " + checkpointFile, e);
		}
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i).strip();
			if (text.isEmpty()) {
				continue;
			}
			try {
				JsonNode node = JSON.readTree(text);
				AuditCheckpoint checkpoint = new AuditCheckpoint(node.get("kind").asString(),
						node.get("lastId").asLong(), node.get("hash").asString(),
						Instant.parse(node.get("at").asString()), node.get("keyId").asString(),
						node.get("signature").asString());
				if (!checkpoint.keyId().equals(keyId)) {
					lines.add(new Line(i + 1, null, false, true));
				}
				else if (verify(checkpoint)) {
					lines.add(new Line(i + 1, checkpoint, false, false));
				}
				else {
					lines.add(new Line(i + 1, null, true, false));
				}
			}
			catch (RuntimeException unreadable) {
				lines.add(new Line(i + 1, null, true, false));
			}
		}
		return lines;
	}

	/** A keyed hash of a free text (16 hex digits): the same text gives the same value, the text cannot be read back. */
	String textHash(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(textKey, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	boolean verify(AuditCheckpoint checkpoint) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(publicKey);
			verifier.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	private byte[] sign(String text) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(privateKey);
			signer.update(text.getBytes(StandardCharsets.UTF_8));
			return signer.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Two lines: {@code private <base64 PKCS#8>} and {@code public <base64 X.509>}. */
	private static KeyPair loadOrCreate(Path file) {
		try {
			KeyFactory keys = KeyFactory.getInstance("Ed25519");
			if (Files.exists(file)) {
				String privateText = null;
				String publicText = null;
				for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
					if (line.startsWith("private ")) {
						privateText = line.substring(8).strip();
					}
					else if (line.startsWith("public ")) {
						publicText = line.substring(7).strip();
					}
				}
				if (privateText == null || publicText == null) {
					throw new IllegalStateException("The audit signing key file " + file + " is not a Pantau key file");
				}
				return new KeyPair(keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicText))),
						keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateText))));
			}
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			createPrivately(file, true);
			Files.writeString(file, "private " + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
					+ "\npublic " + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n",
					StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
			log.info("Kunci penanda tangan jejak audit dibuat: {}", file);
			return pair;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read or create the audit signing key file " + file, e);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("The audit signing key file " + file + " cannot be read as a key", e);
		}
	}

	/** Creates the file (and its folder) readable by its owner only, before anything is written into it. */
	private static void createPrivately(Path file, boolean mustBeNew) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null && !Files.isDirectory(parent)) {
			Files.createDirectories(parent);
			try {
				Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// Windows: the folder keeps its parent's permissions
			}
		}
		if (!mustBeNew && Files.exists(file)) {
			return;
		}
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(file);
		}
		catch (java.nio.file.FileAlreadyExistsException raced) {
			if (mustBeNew) {
				throw raced;
			}
		}
	}

	private static byte[] sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
