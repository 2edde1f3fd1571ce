import {
  Body,
  Inject,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ImportFileError, InvalidValueError, describeIssues } from '@liaison/domain';
import { type Response } from 'express';
import { z } from 'zod';
import { type AuthenticatedRequest, Roles } from '../auth/auth.guard';
import { WRITER_ROLES } from '../auth/roles';
import { ExportBlockedError } from '../exchanges/exchange-errors';
import { exportDirOf } from '../exchanges/export-service';
import { ImportRefusedError } from '../exchanges/import-service';

import { type Kernel } from '../kernel/kernel';
import { describePlugin } from '../plugins/plugin-description';
import { KERNEL } from '../nest/tokens';
import { positiveInt, uaiParam, yearParam } from './query-params';

const MAX_UPLOAD = 50 * 1024 * 1024;

const exportBody = z.object({ uai: z.string(), year: z.union([z.number(), z.string()]) });

/** Imports (multipart upload), controls, exports and their ledger over HTTP. */
@Controller('api')
export class ExchangesController {
  constructor(@Inject(KERNEL) private readonly kernel: Kernel) {}

  /** Multipart: `file` (optional when the format ships a default), `uai`, `year`, `skipRejected`. */
  @Post('imports/:format')
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD } }))
  async import(
    @Param('format') formatId: string,
    @Body() body: Record<string, string | undefined>,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
    @UploadedFile() file?: Express.Multer.File,
  ) {
    const uai = uaiParam(body.uai ?? '');
    const year = yearParam(body.year ?? '');
    try {
      return await this.kernel.imports.run({
        formatId,
        uai,
        year,
        ...(file ? { file: { name: file.originalname, bytes: new Uint8Array(file.buffer) } } : {}),
        skipRejected: body.skipRejected === 'true' || body.skipRejected === '1',
        actor: request.user.login,
      });
    } catch (error) {
      if (error instanceof ImportFileError) throw new InvalidValueError(`${file?.originalname ?? formatId} : ${error.message}`);
      if (error instanceof ImportRefusedError) {
        response.status(409);
        return error.report;
      }
      throw error;
    }
  }

  /** The plugins and what they offer (formats, controls, reports, channels): what the admin UI offers. */
  @Get('formats')
  formats() {
    return {
      plugins: this.kernel.plugins.plugins.map(describePlugin),
    };
  }

  /** The anomalies of the establishment's year: one report per control of its degree, or the one asked. */
  @Get('establishments/:uai/years/:year/anomalies')
  async anomalies(
    @Param('uai') uai: string,
    @Param('year') year: string,
    @Query('plugin') plugin?: string,
    @Query('asOf') asOf?: string,
  ) {
    const at = positiveInt('asOf', asOf);
    return plugin
      ? [await this.kernel.controls.run(plugin, uaiParam(uai), yearParam(year), at)]
      : this.kernel.controls.runAll(uaiParam(uai), yearParam(year), at);
  }

  /** Produces an export (no terminal here, so no confirmation step: the request is the confirmation). */
  @Post('exports/:format')
  @HttpCode(200)
  @Roles(...WRITER_ROLES)
  async export(
    @Param('format') formatId: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const parsed = exportBody.safeParse(body, { error: z.locales.fr().localeError });
    if (!parsed.success) throw new InvalidValueError(`export : ${describeIssues(parsed.error.issues)}`);
    try {
      const result = await this.kernel.exports.produce({
        formatId,
        uai: uaiParam(parsed.data.uai),
        year: yearParam(String(parsed.data.year)),
        outDir: exportDirOf(undefined),
        actor: request.user.login,
        source: 'http',
      });
      return { ...result.manifest, warnings: result.warnings };
    } catch (error) {
      if (error instanceof ExportBlockedError) {
        response.status(409);
        return { error: 'blocked', code: 'blocked_by_anomalies', message: error.message, anomalies: error.anomalies };
      }
      throw error;
    }
  }

  /** The ledger: every export recorded, newest first. */
  @Get('exports')
  ledger(@Query('uai') uai?: string) {
    return this.kernel.exports.ledger(uai ? uaiParam(uai) : undefined);
  }

  /** Before exporting: what the file would carry since the last export of the format, who changed it, and whether it may be made. */
  @Get('exports/preview/:format')
  preview(@Param('format') formatId: string, @Query('uai') uai?: string, @Query('year') year?: string) {
    return this.kernel.exports.preview(formatId, uaiParam(uai ?? ''), yearParam(year ?? ''));
  }

  @Get('exports/:id')
  manifest(@Param('id') id: string) {
    const manifest = this.kernel.exports.find(id);
    if (!manifest) throw new NotFoundException(`l’export ${id} n’existe pas`);
    return manifest;
  }

  /**
   * Who changed what before this export: the changes since the previous export of the same
   * format, with authors and values, flat (`events`) and grouped by pupil and class (`bySubject`).
   */
  @Get('exports/:id/changes')
  changes(@Param('id') id: string, @Query('since') since?: string) {
    // `?since=1`: what changed in the export's scope after it was produced (`history --since-export`).
    return this.kernel.exports.changes(id, since === '1' || since === 'true' ? 'since' : 'carried');
  }

  /** Two exports of the same format compared: pupils added, removed, changed field by field. */
  @Get('exports/:id/diff/:otherId')
  diff(@Param('id') id: string, @Param('otherId') otherId: string) {
    return this.kernel.exports.diff(id, otherId);
  }

  /** The kept copy of the export's file (or of `?file=` when it has several); the download is recorded. */
  @Get('exports/:id/download')
  @Roles(...WRITER_ROLES)
  async download(
    @Param('id') id: string,
    @Req() request: AuthenticatedRequest,
    @Res() response: Response,
    @Query('file') fileName?: string,
  ) {
    const manifest = this.kernel.exports.find(id);
    if (!manifest) throw new NotFoundException(`l’export ${id} n’existe pas`);
    const name = fileName ?? manifest.files[0]!.name;
    const file = this.kernel.exports.keptFile(id, name);
    if (!file) throw new NotFoundException(`l’export ${id} n’a pas de fichier « ${name} »`);
    await this.kernel.pipeline.execute(
      { type: 'RecordExportDownload', payload: { exportId: id, formatId: manifest.formatId, uai: manifest.uai, fileName: name } },
      { actor: request.user.login, source: 'http', trusted: true },
    );
    response.setHeader('Content-Type', name.endsWith('.zip') ? 'application/zip' : 'application/octet-stream');
    response.setHeader('Content-Disposition', `attachment; filename="${name.split('/').pop()}"`);
    response.send(Buffer.from(file.bytes));
  }
}
