#!/bin/bash
# Writes OUT/results.md and OUT/ratios.svg from what bench/run.sh measured: OUT/results.tsv (row,
# vaina median, Podman median, title; seconds x 1e6, or MiB x 1e6 for memory; then the CPU medians
# of vaina and Podman in microseconds, or - where not measured; then, where a copy ran every JVM on the
# command line's JDK, its median, or -) and OUT/results.env (KEY<tab>VALUE: when, where, which versions).
# Usage: bench/report.sh OUT
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
out=$1
for f in results.tsv results.env; do
    [ -s "$out/$f" ] || { echo "report: $out/$f is missing or empty (bench/run.sh writes it)" >&2; exit 1; }
done
setting() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$out/results.env"; }
{
    echo "# vaina against Podman"
    echo
    echo "Written by \`bench/run.sh\` on $(setting date): $(setting machine)."
    launcher=$(setting launcher_java)
    if [ -n "$launcher" ] && [ "${launcher#* (}" != "$(setting java_path))" ]; then
        echo "vaina $(setting vaina) on Java $(setting java) ($(setting java_path)), the launcher's start on Java $launcher;"
        echo "$(setting podman) with runc."
    else
        echo "vaina $(setting vaina) on Java $(setting java) ($(setting java_path)); $(setting podman) with runc."
    fi
    echo "Both rootful; the median of $(setting runs) rounds ($(setting pull_runs) for pulls, the median of the 10 monitors for memory),"
    echo "each round running the same command with each engine one after the other, in the reverse order every other"
    echo "round. CPU is user + system time of the command's own processes (for the container rows, not what systemd"
    echo "starts: launcher, monitor, runtime); it depends less than wall time on what else the machine is doing."
    echo
    # The rows that start containers, measured again with a copy whose launcher runs on the command line's JDK too.
    single=$(awk -F'\t' '$7 != "" && $7 != "-" { n++ } END { print n + 0 }' "$out/results.tsv")
    if [ "$single" -gt 0 ]; then
        echo "Where the launcher runs on a newer JDK, the rows that start or stop containers ran a third time with the same"
        echo "jar installed without it (\`VAINA_LAUNCHER_JAVA=\`): every JVM on Java $(setting java), what a machine without"
        echo "a newer JDK runs (Debian 12's); its own store, its ratio against the same Podman figure."
        echo
        echo "| what | vaina | Podman | ratio | vaina on Java $(setting java) only | ratio | vaina CPU | Podman CPU | CPU ratio |"
        echo "|---|---|---|---|---|---|---|---|---|"
    else
        echo "| what | vaina | Podman | ratio | vaina CPU | Podman CPU | CPU ratio |"
        echo "|---|---|---|---|---|---|---|"
    fi
    awk -F'\t' -v single="$single" '{
        if (single == 0) extra = ""
        else if ($7 == "" || $7 == "-") extra = " | |"
        else extra = sprintf(" %.3f s | %.2f |", $7 / 1e6, $7 / $3)
        if ($1 ~ /^pss/) printf "| %s | %.1f MiB | %.1f MiB | %.1f |%s | | |\n", $4, $2 / 1e6, $3 / 1e6, $2 / $3, extra
        else if ($5 == "-" || $6 <= 0) printf "| %s | %.3f s | %.3f s | %.2f |%s | | |\n", $4, $2 / 1e6, $3 / 1e6, $2 / $3, extra
        else printf "| %s | %.3f s | %.3f s | %.2f |%s %.3f s | %.3f s | %.2f |\n", $4, $2 / 1e6, $3 / 1e6, $2 / $3, extra, $5 / 1e6, $6 / 1e6, $5 / $6
    }' "$out/results.tsv"
    echo
    echo "![vaina / Podman per row](ratios.svg)"
    # What each lever changed, measured one installation against another (kept by hand beside this script).
    if [ -f "$(dirname "$0")/levers.md" ]; then
        echo
        cat "$(dirname "$0")/levers.md"
    fi
} > "$out/results.md"

# The chart: one bar per row from 1 (as fast as Podman) to the ratio, on a log-2 scale.
awk -F'\t' '
    function x(r) { return left + (log(r) / log(2) - lo) / (hi - lo) * width }
    {
        title[NR] = $4; gsub(/`/, "", title[NR]); gsub(/&/, "\\&amp;", title[NR]); gsub(/</, "\\&lt;", title[NR])
        ratio[NR] = $2 / $3; if (ratio[NR] > max) max = ratio[NR]
    }
    END {
        left = 330; width = 440; lo = -2; hi = 1; while (2 ^ hi < max) hi++
        h = 40 + NR * 26
        printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", left + width + 60, h + 24
        print "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
        print "<text x=\"10\" y=\"18\" font-size=\"14\">vaina time (or memory) / Podman, log scale: left of 1 is better than Podman</text>"
        for (e = lo; e <= hi; e++) {
            printf "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>\n", x(2 ^ e), x(2 ^ e), h, (e == 0 ? "black" : "#ddd")
            printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%g</text>\n", x(2 ^ e), h + 16, 2 ^ e
        }
        for (i = 1; i <= NR; i++) {
            y = 36 + (i - 1) * 26; r = ratio[i]; if (r < 2 ^ lo) r = 2 ^ lo
            a = x(1); b = x(r); if (b < a) { t = a; a = b; b = t }
            colour = (ratio[i] <= 1 ? "#2a9d4b" : (ratio[i] <= 2 ? "#e9a23b" : "#d1495b"))
            bar = (b - a > 1 ? b - a : 1)
            # Left of the bar, or inside it where the bar starts at the left edge of the chart (a ratio below its scale).
            label = (ratio[i] >= 1 ? b + 4 : (a - 36 < left ? a + 4 : a - 36))
            printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 8, y + 13, title[i]
            printf "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>\n", a, y, bar, colour
            printf "<text x=\"%.1f\" y=\"%d\">%.2f</text>\n", label, y + 13, ratio[i]
        }
        print "</svg>"
    }' "$out/results.tsv" > "$out/ratios.svg"
