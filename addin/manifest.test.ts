// Offline structural check of manifest.xml. Microsoft's validator (office-addin-manifest validate)
// calls a web service that is unreachable here, so this test asserts what Office needs to load the
// add-in: identity, host, requirement sets, https locations, permissions, the ribbon button that
// opens the task pane, every resid resolving, and every icon URL mapping to a committed PNG.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string };

const root = dirname(fileURLToPath(import.meta.url));
const repo = join(root, '..');
const DEV_ORIGIN = 'https://localhost:3000';

/** A tiny XML reader: elements, attributes and text. Enough for a manifest (no CDATA, no DTD). */
function parseXml(source: string): XmlNode {
  const body = source.replace(/<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const doc: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [doc];
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body))) {
    if (match.index !== consumed) throw new Error(`unparseable XML near: ${body.slice(consumed, consumed + 60)}`);
    consumed = token.lastIndex;
    const [, closing, name, rawAttrs, selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.text += decode(text);
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs!.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    const node: XmlNode = { name: name!, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (consumed !== body.length || stack.length !== 1) throw new Error('XML is not well formed (unclosed element)');
  return doc;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}
function path(node: XmlNode, ...names: string[]): XmlNode {
  return names.reduce(child, node);
}
function all(node: XmlNode, predicate: (n: XmlNode) => boolean, out: XmlNode[] = []): XmlNode[] {
  if (predicate(node)) out.push(node);
  for (const c of node.children) all(c, predicate, out);
  return out;
}

const xml = readFileSync(join(repo, 'manifest.xml'), 'utf8');
const doc = parseXml(xml);
const app = child(doc, 'OfficeApp');
const overrides = child(app, 'VersionOverrides');
const resources = child(overrides, 'Resources');

describe('manifest.xml', () => {
  it('is a TaskPaneApp with identity and localized texts', () => {
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(child(app, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(app, 'ProviderName').text.trim()).not.toBe('');
    expect(child(app, 'DefaultLocale').text).toBe('en-US');
    for (const name of ['DisplayName', 'Description']) {
      const el = child(app, name);
      expect(el.attrs.DefaultValue?.length).toBeGreaterThan(0);
      // DisplayName ≤ 125 chars, Description ≤ 250 chars (schema limits)
      expect(el.attrs.DefaultValue!.length).toBeLessThanOrEqual(name === 'DisplayName' ? 125 : 250);
      expect(el.children.map((o) => o.attrs.Locale).sort()).toEqual(['es-ES', 'fr-FR']);
    }
  });

  it('follows the schema order of the top-level elements', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(app.children.map((c) => c.name)).toEqual(order);
  });

  it('targets the Workbook host with the minimum requirement set', () => {
    expect(child(app, 'Hosts').children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const sets = path(app, 'Requirements', 'Sets');
    expect(sets.children.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.14']]);
  });

  it('loads the task pane over https with ReadWriteDocument permission', () => {
    expect(path(app, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(`${DEV_ORIGIN}/index.html`);
    expect(child(app, 'Permissions').text).toBe('ReadWriteDocument');
    expect(child(app, 'AppDomains').children.map((d) => d.text)).toContain(DEV_ORIGIN);
  });

  it('has a ribbon button on the Workbook host that shows the task pane', () => {
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const host = path(overrides, 'Hosts', 'Host');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const buttons = all(host, (n) => n.name === 'Control' && n.attrs['xsi:type'] === 'Button');
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0]!, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'TaskpaneId').text.trim()).not.toBe('');
    expect(child(action, 'SourceLocation').attrs.resid).toBe('Taskpane.Url');
    expect(all(host, (n) => n.name === 'ExtensionPoint')[0]!.attrs['xsi:type']).toBe('PrimaryCommandSurface');
  });

  it('resolves every resid, with ids ≤ 32 chars and short strings ≤ 125 chars', () => {
    const defined = new Map<string, string>();
    for (const group of resources.children) {
      for (const item of group.children) {
        expect(defined.has(item.attrs.id!), `duplicate resource id ${item.attrs.id}`).toBe(false);
        expect(item.attrs.id!.length).toBeLessThanOrEqual(32);
        defined.set(item.attrs.id!, group.name);
        if (group.name === 'bt:ShortStrings') {
          expect(item.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
          expect(item.children.map((o) => o.attrs.Locale).sort()).toEqual(['es-ES', 'fr-FR']);
        }
        if (group.name === 'bt:LongStrings') expect(item.attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
      }
    }
    const used = all(child(overrides, 'Hosts'), (n) => n.attrs.resid !== undefined);
    expect(used.length).toBeGreaterThan(0);
    for (const n of used) expect(defined.has(n.attrs.resid!), `resid ${n.attrs.resid} on <${n.name}>`).toBe(true);
    // images are referenced from bt:Images, urls from bt:Urls
    for (const n of used.filter((u) => u.name === 'bt:Image')) expect(defined.get(n.attrs.resid!)).toBe('bt:Images');
    for (const n of used.filter((u) => ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(u.name))) {
      expect(defined.get(n.attrs.resid!)).toBe('bt:Urls');
    }
  });

  it('has icons 16/32/80 for the ribbon, https URLs that map to committed PNG files of that size', () => {
    const images = child(resources, 'bt:Images').children;
    expect(images.map((i) => i.attrs.id)).toEqual(['Icon.16x16', 'Icon.32x32', 'Icon.80x80']);
    const urls = [
      ...images.map((i) => i.attrs.DefaultValue!),
      child(app, 'IconUrl').attrs.DefaultValue!,
      child(app, 'HighResolutionIconUrl').attrs.DefaultValue!,
    ];
    for (const url of urls) {
      expect(url.startsWith(`${DEV_ORIGIN}/assets/icons/`), url).toBe(true);
      const m = /icon-(\d+)\.png$/.exec(url);
      expect(m, url).not.toBeNull();
      const file = join(root, 'assets', 'icons', `icon-${m![1]}.png`);
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(m![1]), Number(m![1])]);
    }
  });

  it('uses https for every URL and only pages the build produces', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith('https://'), url).toBe(true);
    const pages = new Set(urls.filter((u) => u.endsWith('.html')).map((u) => new URL(u).pathname.slice(1)));
    for (const page of pages) expect(existsSync(join(root, page)), `addin/${page}`).toBe(true);
  });
});
