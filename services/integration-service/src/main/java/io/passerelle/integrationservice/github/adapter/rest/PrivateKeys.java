package io.passerelle.integrationservice.github.adapter.rest;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads a GitHub App's private key from PEM: PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, the file GitHub hands out) or
 * PKCS#8 ({@code BEGIN PRIVATE KEY}, what {@code openssl pkcs8 -topk8 -nocrypt} makes of it). The JDK reads only
 * PKCS#8, so a PKCS#1 key is wrapped in a PKCS#8 PrivateKeyInfo (RFC 5208: version 0, the rsaEncryption algorithm,
 * the PKCS#1 bytes as an OCTET STRING) — a fixed header and two DER lengths, not a parser.
 */
final class PrivateKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----");
    /** INTEGER 0, then SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL }. */
    private static final byte[] VERSION_AND_RSA = { 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
            (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

    private PrivateKeys() {
    }

    /**
     * @param pem the PEM text; line breaks written as the two characters {@code \n} (as in a one-line environment
     *        variable) are read as line breaks
     * @throws IllegalArgumentException when the text is not an unencrypted RSA private key in PEM
     */
    static RSAPrivateKey rsa(String pem) {
        var matcher = PEM.matcher(pem.replace("\\n", "\n").strip());
        if (!matcher.matches() || !String.valueOf(matcher.group(1)).equals(String.valueOf(matcher.group(3)))) {
            throw new IllegalArgumentException("passerelle.github.app.private-key must be the App's RSA private key"
                    + " in PEM, '-----BEGIN RSA PRIVATE KEY-----' (PKCS#1, as GitHub issues it) or"
                    + " '-----BEGIN PRIVATE KEY-----' (PKCS#8), unencrypted");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passerelle.github.app.private-key: the PEM body is not base64");
        }
        var pkcs8 = matcher.group(1) == null ? der : wrap(der);
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("passerelle.github.app.private-key is not an RSA private key ("
                    + e.getMessage() + ")");
        }
    }

    /** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo. */
    static byte[] wrap(byte[] pkcs1) {
        var octets = tlv(0x04, pkcs1);
        var body = new ByteArrayOutputStream();
        body.writeBytes(VERSION_AND_RSA);
        body.writeBytes(octets);
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
