#!/usr/bin/env python3
"""Where the CPU time of the service's request and inference threads went, from async-profiler's collapsed
stacks (bench/serving.sh with SEQCAST_PROFILE=1 writes them). Each sample is charged to the first component
of the list below that its stack holds, read from the leaf up, so a forward pass under a security filter
counts as the forward pass. Usage: bench/profile_top.py stacks.collapsed [thread regex]"""
import collections, re, sys

threads = re.compile(sys.argv[2] if len(sys.argv) > 2 else r"http-nio-\d+-exec|inference")
components = [
    ("forward pass (libtorch)", r"^ai/djl/|libtorch|at::|torch::|_ZN2at|_ZN5torch|mkl|dnnl|omp"),
    ("seqcast engine (scaling, blend, copies)", r"io/seqcast/engine/|io\.seqcast\.engine\."),
    ("registry (resolve, disk)", r"io/seqcast/registry/|io\.seqcast\.registry\."),
    ("payload parsing and checks", r"io/seqcast/data/|io\.seqcast\.data\."),
    ("JSON read/write (Jackson)", r"tools/jackson/|tools\.jackson\.|com/fasterxml/|com\.fasterxml\."),
    ("metrics", r"io/micrometer/|io\.micrometer\."),
    ("security filters", r"org/springframework/security/|org\.springframework\.security\."),
    ("seqcast forecasting (batching, caching)", r"io/seqcast/forecasting/|io\.seqcast\.forecasting\."),
    ("Spring MVC", r"org/springframework/web/|org\.springframework\.web\."),
    ("Tomcat and socket I/O", r"org/apache/(tomcat|catalina|coyote)/|sun/nio/ch/|Java_sun_nio_ch"),
]
shares, leaves, total = collections.Counter(), collections.Counter(), 0
for line in open(sys.argv[1]):
    stack, _, count = line.rstrip().rpartition(" ")
    frames = stack.split(";")
    if not frames or not threads.search(frames[0]):
        continue
    n = int(count)
    total += n
    leaves[frames[-1]] += n
    for frame in reversed(frames[1:]):
        name = next((c for c, pattern in components if re.search(pattern, frame)), None)
        if name:
            shares[name] += n
            break
    else:
        shares["other (JVM, kernel, GC)"] += n
print(f"{total} samples of threads matching /{threads.pattern}/")
for name, count in shares.most_common():
    print(f"  {name:45s} {100 * count / max(total, 1):5.1f} %")
print("top leaf frames")
for frame, count in leaves.most_common(12):
    print(f"  {100 * count / max(total, 1):5.1f} %  {frame[:110]}")
