#!/usr/bin/env python3
"""Writes a pair of .resx files (English + pt-BR) from one table, so both languages stay complete.

Usage: tools/resx.py src/OpsConsole.Web/Resources/SharedResource  < table.tsv
Each input line: key<TAB>English<TAB>Português. Existing keys are replaced, others kept.
"""
import sys, html, re, os

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def load(path):
    if not os.path.exists(path):
        return {}
    s = open(path, encoding='utf-8').read()
    return {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'<data name="([^"]+)" xml:space="preserve">\s*<value>(.*?)</value>', s, re.S)}

def save(path, data):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for k in sorted(data):
            f.write(f'  <data name="{html.escape(k)}" xml:space="preserve">\n    <value>{html.escape(data[k], quote=False)}</value>\n  </data>\n')
        f.write('</root>\n')

base = sys.argv[1]
en, pt = load(base + '.resx'), load(base + '.pt-BR.resx')
for line in sys.stdin:
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    parts = line.split('\t')
    if len(parts) != 3:
        sys.exit(f'bad line (need key<TAB>en<TAB>pt): {line!r}')
    en[parts[0]], pt[parts[0]] = parts[1], parts[2]
save(base + '.resx', en)
save(base + '.pt-BR.resx', pt)
print(f'{base}: {len(en)} keys')
