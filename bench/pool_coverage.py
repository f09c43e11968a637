#!/usr/bin/env python3
# Interval coverage pooled by held-out point over AccuracyBenchmark outputs (each series' share inside its
# 80 % and 95 % intervals times its held-out points). Usage: bench/pool_coverage.py bench/results/accuracy-<set>-<date>.txt ...
import re,sys
tot={}
for s in sys.argv[1:]:
    lines=open(s).read().splitlines()
    h={}
    for l in lines:
        m=re.match(r'^(\S+)\s+(\d+)\s+(\d+)\s+(\d+) \|',l)
        if m: h[m.group(1)]=int(m.group(4))
    a=b=n=0
    # Every interval table in the file (bench/accuracy.sh writes one per set into one file).
    for i in [k for k,l in enumerate(lines) if l.startswith('series         cases')]:
        for l in lines[i+1:]:
            if l.startswith('overall'): break
            p=l.split()
            if p[2]=='n/a': continue
            a+=float(p[2])*h[p[0]]/100; b+=float(p[4])*h[p[0]]/100; n+=h[p[0]]
    tot[s]=(a,b,n); print(s, round(100*a/n,1), round(100*b/n,1), n)
A=sum(v[0] for v in tot.values()); B=sum(v[1] for v in tot.values()); N=sum(v[2] for v in tot.values())
print('pooled', round(100*A/N,1), round(100*B/N,1), N)
