//! Passphrase encryption of change files sent by e-mail, in the age format
//! (<https://age-encryption.org/v1>, one scrypt recipient), so that any age
//! tool can open them too: `age -d steward-changes-….chg.age`.
//!
//! **Invariant:** an encrypted file is opened whole, to at most
//! [`file::MAX_FILE_BYTES`], before anything reads its contents; a wrong
//! passphrase, a damaged or cut file and a file asking for more scrypt work
//! than Steward spends are refused with a message naming the file, and
//! nothing changes. The shared folder is not encrypted: the sync tool and
//! the disk protect it, and every laptop must read it without asking.

use std::io::{Read, Write};

use age::secrecy::SecretString;

use super::file::MAX_FILE_BYTES;
use super::{ChangeExport, refused};
use crate::error::FieldError;
use crate::{ApiError, ErrorCode, Result, Steward};

/// The suffix an encrypted change file carries after `.chg`.
pub const ENCRYPTED_SUFFIX: &str = ".age";
/// Every age file starts with this line.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";
/// scrypt's cost is 2^18: about a second and 256 MiB on a laptop, which
/// makes guessing a passphrase slow.
const WORK_FACTOR: u8 = 18;
/// A file may ask for twice that, no more: a hostile file must not make the
/// laptop spend minutes and gigabytes.
const MAX_WORK_FACTOR: u8 = WORK_FACTOR + 1;
/// Shorter passphrases are refused: the file travels by e-mail, where it
/// can be copied and guessed at leisure.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Whether these bytes are an age file rather than a plain change file.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

fn passphrase_error(message: String, field_message: &str) -> ApiError {
    ApiError {
        code: ErrorCode::Validation,
        message,
        fields: vec![FieldError {
            field: "passphrase".into(),
            message: field_message.into(),
        }],
    }
}

/// The refusal of an encrypted file given without its passphrase, on the
/// field `passphrase`: the app then asks for it.
pub fn passphrase_needed(name: &str) -> ApiError {
    passphrase_error(
        format!(
            "{name} is encrypted: enter the passphrase its sender gave you. Nothing was imported."
        ),
        "This file is encrypted. Enter the passphrase the person who sent it gave you.",
    )
}

impl ChangeExport {
    /// The same file, encrypted with a passphrase for e-mail: its name gains
    /// `.age`. A passphrase shorter than [`MIN_PASSPHRASE_CHARS`] is refused.
    pub fn encrypted(self, passphrase: &str) -> Result<ChangeExport> {
        if passphrase.trim().chars().count() < MIN_PASSPHRASE_CHARS {
            let message = format!(
                "Use a passphrase of at least {MIN_PASSPHRASE_CHARS} characters, for example four unrelated words."
            );
            return Err(passphrase_error(
                format!("The passphrase is too short: {message} Nothing was saved."),
                &message,
            ));
        }
        let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
        recipient.set_work_factor(WORK_FACTOR);
        let internal = |e: &dyn std::fmt::Display| {
            ApiError::new(
                ErrorCode::Internal,
                format!("Encrypting the change file failed: {e}."),
            )
        };
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .map_err(|e| internal(&e))?;
        let mut out = Vec::with_capacity(self.bytes.len() + 256);
        let mut writer = encryptor.wrap_output(&mut out).map_err(|e| internal(&e))?;
        writer.write_all(&self.bytes).map_err(|e| internal(&e))?;
        writer.finish().map_err(|e| internal(&e))?;
        Ok(ChangeExport {
            name: format!("{}{ENCRYPTED_SUFFIX}", self.name),
            bytes: out,
            ops: self.ops,
        })
    }
}

impl Steward {
    /// Opens an encrypted change file with its passphrase; the plain change
    /// file it holds is then imported or joined as any other. A wrong
    /// passphrase is a validation error on the field `passphrase`.
    pub fn decrypt_changes(&self, name: &str, bytes: &[u8], passphrase: &str) -> Result<Vec<u8>> {
        if !is_encrypted(bytes) {
            return Err(refused(
                name,
                "it is not encrypted, so it needs no passphrase",
            ));
        }
        let decryptor = age::Decryptor::new_buffered(bytes)
            .map_err(|e| refused(name, format!("it is not a readable encrypted file ({e})")))?;
        if !decryptor.is_scrypt() {
            return Err(refused(
                name,
                "it was encrypted for a key, not with a passphrase, and Steward cannot open it",
            ));
        }
        let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        let reader = match decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)) {
            Ok(reader) => reader,
            Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
                return Err(passphrase_error(
                    format!(
                        "The passphrase does not open {name}. Check it with the person who sent the file; nothing was imported."
                    ),
                    "This passphrase does not open the file. Check it with the person who sent it.",
                ));
            }
            Err(age::DecryptError::ExcessiveWork { required, .. }) => {
                return Err(refused(
                    name,
                    format!(
                        "its passphrase protection asks for 2^{required} steps of work, more than Steward spends (2^{MAX_WORK_FACTOR}); ask the sender to export it again from Steward"
                    ),
                ));
            }
            Err(e) => {
                return Err(refused(name, format!("it could not be decrypted ({e})")));
            }
        };
        let mut plain = Vec::new();
        reader
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut plain)
            .map_err(|e| refused(name, format!("it is damaged or cut short ({e})")))?;
        if plain.len() > MAX_FILE_BYTES {
            return Err(refused(
                name,
                format!(
                    "it holds more than {} MiB, the most a change file may hold",
                    MAX_FILE_BYTES >> 20
                ),
            ));
        }
        Ok(plain)
    }
}
