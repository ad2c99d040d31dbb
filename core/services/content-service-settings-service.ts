import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { CourierError, contentServiceComponent, type ContentServiceChanges, type ContentServiceDto } from '../api';
import { localPathOf, openRegularFile, type FileAccess } from '../content/file-access';
import type { ContentServiceRepository, ContentServiceSettingsRecord } from '../db/repositories/content-service-repository';
import type { UnitOfWork } from '../site/unit-of-work';

export interface ContentServiceSettingsDeps {
  readonly settings: ContentServiceRepository;
  readonly work: UnitOfWork;
  readonly now: () => Date;
  readonly fileAccess: () => FileAccess;
}

/** A PEM certificate chain or key is a few KB; a file far larger is not one. */
const maxPemBytes = 1024 * 1024;

function toDto(record: ContentServiceSettingsRecord, listening: { url: string | null; since: string | null }): ContentServiceDto {
  return { component: contentServiceComponent, ...record, listeningUrl: listening.url, listeningSince: listening.since };
}

/**
 * Site Settings › the content service (SMS_DP_CONTENT_SERVICE): where it listens, its
 * certificate and the URL clients are given. The running service reads them at its next poll
 * (every 2 s) and listens again when the address, port or certificate changed.
 */
export class ContentServiceSettingsService {
  constructor(private readonly deps: ContentServiceSettingsDeps) {}

  get(): ContentServiceDto {
    return toDto(this.deps.settings.settings(), this.deps.settings.listening());
  }

  async set(changes: ContentServiceChanges): Promise<ContentServiceDto> {
    const before = this.deps.settings.settings();
    const certificate = changes.certificate === undefined ? before.certificate : changes.certificate;
    const key = changes.key === undefined ? before.key : changes.key;
    if ((certificate === null) !== (key === null)) {
      const field = certificate === null ? 'certificate' : 'key';
      throw new CourierError('VALIDATION_FAILED', 'HTTPS needs both a certificate and its private key (or neither, for HTTP).', field);
    }
    if (certificate !== null && key !== null && (changes.certificate !== undefined || changes.key !== undefined)) await this.checkPair(certificate, key);
    return this.deps.work.run((change) => {
      const current = this.deps.settings.settings();
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<ContentServiceSettingsRecord>;
      const after: ContentServiceSettingsRecord = { ...current, ...given, lastModified: this.deps.now().toISOString() };
      const changed = (Object.keys(given) as (keyof ContentServiceSettingsRecord)[]).filter((k) => current[k] !== after[k]);
      if (changed.length === 0) return toDto(current, this.deps.settings.listening());
      this.deps.settings.setSettings(after);
      change.emit('components:settings-changed', { component: 'dpcontent' });
      change.log('smsprov.log', 'SMS_PROVIDER', `Modified ${contentServiceComponent} settings (${changed.map((k) => `${k} = ${String(after[k])}`).join(', ')}).`);
      return toDto(after, this.deps.settings.listening());
    });
  }

  private async readPem(path: string, field: string, what: string): Promise<Buffer> {
    const access = this.deps.fileAccess();
    const local = localPathOf(path, access, field);
    return access.gate.run(path, field, async () => {
      const { handle, size } = await openRegularFile(path, local, what, field, access.platform);
      try {
        if (size > maxPemBytes) throw new CourierError('VALIDATION_FAILED', `${path} is ${size} bytes; a PEM ${what} is at most ${maxPemBytes}.`, field);
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    });
  }

  private async checkPair(certificatePath: string, keyPath: string): Promise<void> {
    const certificatePem = await this.readPem(certificatePath, 'certificate', 'certificate');
    const keyPem = await this.readPem(keyPath, 'key', 'private key');
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(certificatePem);
    } catch (error) {
      throw new CourierError('VALIDATION_FAILED', `${certificatePath} is not a PEM certificate (${error instanceof Error ? error.message : String(error)}).`, 'certificate');
    }
    let key: KeyObject;
    try {
      key = createPrivateKey(keyPem);
    } catch (error) {
      throw new CourierError('VALIDATION_FAILED', `${keyPath} is not an unencrypted PEM private key (${error instanceof Error ? error.message : String(error)}).`, 'key');
    }
    if (!certificate.checkPrivateKey(key)) throw new CourierError('VALIDATION_FAILED', `The private key ${keyPath} is not the key of the certificate ${certificatePath}.`, 'key');
  }
}
