#!/bin/sh
# Regenerate the (compressed, expanded) table in test_rvc.c from the cross
# toolchain alone, so that the expected words do not depend on core/rvc.c.
#
# Each line below is assembled for rv64gc (giving a 16-bit encoding), the
# disassembler names the 32-bit instruction it stands for, and that is
# assembled again for rv64g without compression to give the expected word.
# HINT encodings that the assembler refuses are written as raw halfwords.
#
# Usage: tests/unit/gen_rvc_table.sh > table.inc   (then paste into the test)
set -eu

P=${CROSS_PREFIX:-riscv64-unknown-elf-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/src.s" <<'EOF'
c.addi4spn a0, sp, 4
c.addi4spn s0, sp, 1020
c.addi4spn a5, sp, 8
c.addi4spn a1, sp, 16
c.addi4spn a2, sp, 32
c.addi4spn a3, sp, 64
c.addi4spn a4, sp, 128
c.addi4spn s1, sp, 256
c.addi4spn a0, sp, 512
c.fld fa0, 0(a1)
c.fld fs0, 248(a5)
c.fld fa5, 8(s0)
c.fld fa1, 64(a0)
c.fld fa2, 128(a4)
c.lw a0, 0(a1)
c.lw a5, 124(s0)
c.lw a2, 4(a3)
c.lw a3, 64(a4)
c.lw s1, 32(a5)
c.ld a0, 0(a1)
c.ld s1, 248(a5)
c.ld a4, 8(a2)
c.ld a5, 128(a3)
c.ld s0, 64(s1)
c.fsd fa0, 0(a1)
c.fsd fs1, 248(a5)
c.fsd fa3, 64(a2)
c.fsd fa4, 8(s0)
c.sw a0, 0(a1)
c.sw a5, 124(s0)
c.sw a1, 4(a2)
c.sw a2, 64(a3)
c.sd a0, 0(a1)
c.sd s1, 248(a5)
c.sd a3, 128(a4)
c.sd a4, 8(s0)
c.nop
c.addi a0, 1
c.addi a0, -1
c.addi a0, 31
c.addi a0, -32
c.addi sp, -32
c.addi t6, 31
.2byte 0x0015
.2byte 0x0501
.2byte 0x107d
c.addiw a0, 1
c.addiw a0, -1
c.addiw a0, 31
c.addiw a0, -32
c.addiw t6, 0
c.addiw ra, 5
c.li a0, 0
c.li a0, -32
c.li a0, 31
c.li ra, 1
c.li t6, -1
.2byte 0x4015
c.lui a0, 1
c.lui a0, 31
c.lui a0, 0xfffe0
c.lui a0, 0xfffff
c.lui ra, 0x10
c.lui t6, 2
c.lui gp, 0xffff0
.2byte 0x6005
c.addi16sp sp, 16
c.addi16sp sp, -16
c.addi16sp sp, 496
c.addi16sp sp, -512
c.addi16sp sp, 32
c.addi16sp sp, 64
c.addi16sp sp, 128
c.addi16sp sp, 256
c.srli a0, 1
c.srli a0, 63
c.srli a5, 32
c.srli s0, 31
.2byte 0x8001
c.srai a0, 1
c.srai a0, 63
c.srai a5, 32
c.srai s1, 16
.2byte 0x8401
c.andi a0, 0
c.andi a0, -1
c.andi a0, 31
c.andi a0, -32
c.andi a5, 15
c.sub a0, a1
c.sub s0, a5
c.xor a0, a1
c.xor a5, s0
c.or a0, a1
c.or a4, a3
c.and a0, a1
c.and s1, a2
c.subw a0, a1
c.subw a5, s0
c.addw a0, a1
c.addw s0, a5
c.j .+2
c.j .-2
c.j .+2046
c.j .-2048
c.j .+4
c.j .+8
c.j .+16
c.j .+32
c.j .+64
c.j .+128
c.j .+256
c.j .+512
c.j .+1024
c.beqz a0, .+2
c.beqz a0, .-2
c.beqz s0, .+254
c.beqz a5, .-256
c.beqz a1, .+4
c.beqz a2, .+8
c.beqz a3, .+16
c.beqz a4, .+32
c.beqz s1, .+64
c.beqz a0, .+128
c.bnez a0, .+2
c.bnez a0, .-2
c.bnez s0, .+254
c.bnez a5, .-256
c.bnez a1, .+36
c.bnez a2, .-100
c.slli a0, 1
c.slli a0, 63
c.slli t6, 32
c.slli ra, 31
.2byte 0x0006
.2byte 0x0502
c.fldsp fa0, 0(sp)
c.fldsp ft0, 0(sp)
c.fldsp fs11, 504(sp)
c.fldsp fa1, 8(sp)
c.fldsp fa2, 32(sp)
c.fldsp fa3, 64(sp)
c.fldsp fa4, 256(sp)
c.lwsp a0, 0(sp)
c.lwsp ra, 252(sp)
c.lwsp t6, 4(sp)
c.lwsp a1, 32(sp)
c.lwsp a2, 64(sp)
c.lwsp a3, 128(sp)
c.ldsp a0, 0(sp)
c.ldsp ra, 504(sp)
c.ldsp t6, 8(sp)
c.ldsp a1, 32(sp)
c.ldsp a2, 64(sp)
c.ldsp a3, 256(sp)
c.ldsp sp, 16(sp)
c.jr a0
c.jr ra
c.jr t6
c.mv a0, a1
c.mv t6, ra
c.mv ra, t6
c.mv sp, a0
.2byte 0x802a
c.ebreak
c.jalr a0
c.jalr ra
c.jalr t6
c.add a0, a1
c.add t6, ra
c.add sp, sp
.2byte 0x902a
c.fsdsp fa0, 0(sp)
c.fsdsp fs11, 504(sp)
c.fsdsp ft0, 8(sp)
c.fsdsp fa1, 64(sp)
c.fsdsp fa2, 256(sp)
c.swsp a0, 0(sp)
c.swsp ra, 252(sp)
c.swsp t6, 4(sp)
c.swsp zero, 64(sp)
c.swsp a1, 128(sp)
c.sdsp a0, 0(sp)
c.sdsp ra, 504(sp)
c.sdsp t6, 8(sp)
c.sdsp zero, 64(sp)
c.sdsp a1, 256(sp)
EOF

"${P}as" -march=rv64gc -o "$tmp/c.o" "$tmp/src.s"
"${P}objcopy" -O binary -j .text "$tmp/c.o" "$tmp/c.bin"

# Rewrite the disassembly as uncompressed source: spell out the operands the
# compressed mnemonics leave implicit, and make branch targets pc-relative.
# C.MV is defined as ADD rd, x0, rs2 (the disassembler shows it as mv, which
# would assemble to ADDI).
"${P}objdump" -D -b binary -m riscv:rv64 "$tmp/c.bin" | awk -F'\t' '
function hex(s,   i, v) {
	sub(/^0x/, "", s)
	if (length(s) > 8)
		s = substr(s, length(s) - 7)
	v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}
NF >= 3 && $1 ~ /^ *[0-9a-f]+:$/ {
	gsub(/[ :]/, "", $1); gsub(/ /, "", $2)
	addr = hex($1)
	mn = $3; ops = $4
	sub(/ *<.*>/, "", ops)
	n = split(ops, a, ",")
	if (mn == "c.slli64") s = "slli " a[1] "," a[1] ",0"
	else if (mn == "c.srli64") s = "srli " a[1] "," a[1] ",0"
	else if (mn == "c.srai64") s = "srai " a[1] "," a[1] ",0"
	else if (mn == "c.nop") s = "addi zero,zero," a[1]
	else if (mn == "c.slli") s = "slli " a[1] "," a[1] "," a[2]
	else if (mn == "c.li") s = "addi " a[1] ",zero," a[2]
	else if (mn == "c.lui") s = "lui " a[1] "," a[2]
	else if (mn == "c.mv" || mn == "mv") s = "add " a[1] ",zero," a[2]
	else if (mn == "c.add") s = "add " a[1] "," a[1] "," a[2]
	else if (mn == "j" || mn == "beqz" || mn == "bnez") {
		off = (hex(a[n]) - addr) % 4294967296
		if (off < 0) off += 4294967296
		if (off >= 2147483648) off -= 4294967296
		s = mn " " (n > 1 ? a[1] "," : "") (off < 0 ? ".-" (-off) : ".+" off)
	} else if (mn ~ /^c\./ || mn ~ /^\./ || mn == "unimp") {
		print "unhandled: " $0 > "/dev/stderr"
		exit 1
	} else s = mn " " ops
	print $2 > "'"$tmp/half"'"
	print s > "'"$tmp/full.s"'"
}'

{
	echo ".option norvc"
	echo ".option norelax"
	cat "$tmp/full.s"
} >"$tmp/f.s"
"${P}as" -march=rv64g -o "$tmp/f.o" "$tmp/f.s"
# Linking at address 0 resolves the branch relocations the assembler leaves.
"${P}ld" --no-relax -Ttext=0 -e 0 -o "$tmp/f.elf" "$tmp/f.o"
"${P}objcopy" -O binary -j .text "$tmp/f.elf" "$tmp/f.bin"
od -An -v -tx4 -w4 "$tmp/f.bin" | tr -d ' ' >"$tmp/word"

nsrc=$(wc -l <"$tmp/src.s")
for f in half word; do
	if [ "$(wc -l <"$tmp/$f")" -ne "$nsrc" ]; then
		echo "$f: count mismatch with $nsrc source lines" >&2
		exit 1
	fi
done

paste -d'|' "$tmp/half" "$tmp/word" "$tmp/src.s" |
	while IFS='|' read -r h w s; do
		printf '\t{0x%s, 0x%s}, /* %s */\n' "$h" "$w" "$s"
	done
