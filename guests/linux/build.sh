#!/usr/bin/env bash
# Builds the Linux guest: a small RISC-V kernel (Image, and vmlinux with
# DWARF for gdb) and an initramfs whose /init is init.c.
#
# Variants share the source and differ in Kconfig fragments:
#   base   config.fragment                  the guest whose init checks the machine
#   kunit  config.fragment + kunit.fragment runs KUnit suites at boot
#
# The artefacts are cached outside the repository in
#   ${REWIND_CACHE:-/var/cache/rewind}/linux-<key>/{Image,vmlinux,initramfs.cpio}
# with the kernel's gdb helpers beside vmlinux: vmlinux-gdb.py and the
# scripts/gdb/linux package it imports, copied as real files so that
# `source <dir>/vmlinux-gdb.py` works once the scratch tree is gone.
# (linux-<variant>-<key> for a variant other than base) where <key> hashes
# every input: the kernel's key below, init.c, this script and the
# installed libc6-dev-riscv64-cross package version.
# The kernel has its own cache directory, kernel[-<variant>]-<kkey>, whose
# key hashes only what the kernel is built from (the variant's fragments,
# this script, the installed linux-source-6.1 version and the
# cross-compiler version), and linux-<key> links its files: a change to
# init.c rebuilds the initramfs in seconds and reuses the kernel. A
# complete cache directory makes this script a no-op. The kernel is built
# in a scratch tree under ${REWIND_SCRATCH:-/var/tmp}
# kept per source version and variant, so a changed fragment rebuilds
# incrementally and switching variants rebuilds nothing; the extracted
# source is shared, since out-of-tree builds never write into it.
#
# Usage: build.sh [--variant NAME]               build if needed; the last
#                                                stdout line is the dir
#        build.sh [--variant NAME] --print-dir   print the dir the current
#                                                inputs map to
# Progress and errors go to stderr.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache_root=${REWIND_CACHE:-/var/cache/rewind}
scratch=${REWIND_SCRATCH:-/var/tmp}
cross=riscv64-linux-gnu-
src_pkg=linux-source-6.1
libc_pkg=libc6-dev-riscv64-cross
tarball=/usr/src/linux-source-6.1.tar.xz
kernel_artefacts=(Image vmlinux vmlinux-gdb.py
	scripts/gdb/linux/__init__.py scripts/gdb/linux/constants.py)
artefacts=("${kernel_artefacts[@]}" initramfs.cpio)
variant=base
fragments=()

die() {
	echo "build.sh: error: $*" >&2
	exit 1
}

note() {
	echo "build.sh: $*" >&2
}

# Version of an installed Debian package, or a loud failure naming it.
pkg_version() {
	local v
	v=$(dpkg-query -W -f='${Status} ${Version}\n' "$1" 2>/dev/null |
		awk '$1 == "install" && $3 == "installed" { print $4 }')
	[[ -n $v ]] || die "Debian package $1 is not installed (apt-get install $1)"
	echo "$v"
}

need_tool() {
	command -v "$1" >/dev/null 2>&1 ||
		die "$1 not found (Debian package: $2)"
}

# The kernel's cache key: every input that can change the kernel.
compute_kernel_key() {
	need_tool "${cross}gcc" gcc-riscv64-linux-gnu
	need_tool sha256sum coreutils
	{
		echo "source $(pkg_version "$src_pkg")"
		echo "cc $("${cross}gcc" --version | head -n 1)"
		echo "variant $variant"
		sha256sum "${fragments[@]}" "$here/build.sh" | awk '{ print $1 }'
	} | sha256sum | cut -c 1-16
}

# The guest's cache key: the kernel's and every input of the initramfs.
compute_key() {
	{
		echo "kernel $1"
		echo "libc $(pkg_version "$libc_pkg")"
		sha256sum "$here/init.c" "$here/build.sh" | awk '{ print $1 }'
	} | sha256sum | cut -c 1-16
}

# is_complete DIR FILE...: every FILE is in DIR and not empty.
is_complete() {
	local dir=$1 f
	shift
	[[ -d $dir ]] || return 1
	for f in "$@"; do
		[[ -s $dir/$f ]] || return 1
	done
}

check_tools() {
	need_tool make make
	need_tool gcc gcc
	need_tool bc bc
	need_tool flex flex
	need_tool bison bison
	need_tool perl perl
	need_tool tar tar
	need_tool xz xz-utils
	need_tool flock util-linux
	need_tool "${cross}ld" binutils-riscv64-linux-gnu
	[[ -r $tarball ]] || die "$tarball missing (apt-get install $src_pkg)"
}

# Unpacks the pristine source once per package version; the rename makes
# a half-extracted tree impossible to mistake for a finished one.
extract_source() {
	local dir=$1 tmp
	[[ -d $dir ]] && return 0
	note "extracting $tarball"
	tmp=$(mktemp -d "$dir.tmp.XXXXXX")
	tar -xJf "$tarball" -C "$tmp" --strip-components=1
	mv -T "$tmp" "$dir"
}

# allnoconfig plus the fragments, then a check that every symbol they
# name ended up as asked (Kconfig silently drops a symbol whose
# dependencies are unmet).
configure_kernel() {
	local src=$1 obj=$2 line sym missing=()
	(cd "$src" && ARCH=riscv CROSS_COMPILE=$cross \
		scripts/kconfig/merge_config.sh -n -O "$obj" \
		"${fragments[@]}") >"$obj/config.log" 2>&1 ||
		die "kernel configuration failed, see $obj/config.log"
	while IFS= read -r line; do
		if [[ $line =~ ^(CONFIG_[A-Za-z0-9_]+)= ]]; then
			grep -qxF -- "$line" "$obj/.config" || missing+=("$line")
		elif [[ $line =~ ^#\ (CONFIG_[A-Za-z0-9_]+)\ is\ not\ set$ ]]; then
			sym=${BASH_REMATCH[1]}
			if grep -qE "^$sym=[ym]" "$obj/.config"; then
				missing+=("$line")
			fi
		fi
	done < <(cat "${fragments[@]}")
	if ((${#missing[@]})); then
		printf 'build.sh: not in the resulting .config: %s\n' \
			"${missing[@]}" >&2
		die "the $variant fragments do not hold, see $obj/.config"
	fi
}

# Fixed build identity so that the kernel banner, and with it the guest's
# console output, does not depend on when or where it was built.
build_kernel() {
	local obj=$1 start=$SECONDS
	note "building the kernel in $obj (log: $obj/build.log)"
	if ! make -C "$obj" -j"$(nproc)" ARCH=riscv CROSS_COMPILE=$cross \
		KBUILD_BUILD_USER=rewind KBUILD_BUILD_HOST=rewind \
		KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 1970' \
		KBUILD_BUILD_VERSION=1 \
		Image vmlinux scripts_gdb 2>&1 | tee "$obj/build.log" |
		awk '/^  (CC|LD|AR) / && ++n % 200 == 0 {
			print "build.sh: kernel: " n " steps, at " $2 > "/dev/stderr"
		}'; then
		tail -n 30 "$obj/build.log" >&2
		die "kernel build failed, see $obj/build.log"
	fi
	note "kernel built in $((SECONDS - start)) s"
}

# The initramfs holds /init and a /dev/console node, so that the kernel can
# give init its console before devtmpfs is mounted; gen_init_cpio needs no
# root to make device nodes.
# gen_init_cpio is the kernel directory's (built from the kernel source).
build_initramfs() {
	local kdir=$1 out=$2
	"${cross}gcc" -std=gnu11 -static -O2 -g -Wall -Wextra -Werror \
		-o "$out/init" "$here/init.c" ||
		die "cannot build init.c (is $libc_pkg installed?)"
	cat >"$out/initramfs.list" <<EOF
dir /dev 755 0 0
nod /dev/console 600 0 0 c 5 1
dir /proc 755 0 0
dir /sys 755 0 0
file /init $out/init 755 0 0
EOF
	# A fixed timestamp keeps the archive identical from build to build.
	"$kdir/gen_init_cpio" -t 0 "$out/initramfs.list" >"$out/initramfs.cpio"
}

# The build tree holds the helpers as symlinks into the source tree plus
# the generated constants.py; -L copies what they point at. vmlinux-gdb.py
# finds its package relative to its own path, so the layout is kept.
copy_gdb_scripts() {
	local obj=$1 out=$2
	mkdir -p "$out/scripts/gdb/linux"
	cp -L "$obj/vmlinux-gdb.py" "$out/" ||
		die "no vmlinux-gdb.py in $obj (is CONFIG_GDB_SCRIPTS set?)"
	cp -L "$obj"/scripts/gdb/linux/*.py "$out/scripts/gdb/linux/" ||
		die "cannot copy the gdb helpers from $obj/scripts/gdb/linux"
}

usage() {
	die "usage: build.sh [--variant base|kunit] [--print-dir]"
}

# Sets variant and its fragments, in merge order.
select_variant() {
	variant=$1
	case "$variant" in
	base) fragments=("$here/config.fragment") ;;
	kunit) fragments=("$here/config.fragment" "$here/kunit.fragment") ;;
	*) die "unknown variant '$variant' (base or kunit)" ;;
	esac
}

# Builds the kernel into its cache directory $1 (key $2) unless it is
# complete there. Call with the build lock held.
build_kernel_dir() {
	local kdir=$1 kkey=$2 ver src obj tmp
	is_complete "$kdir" "${kernel_artefacts[@]}" gen_init_cpio && return 0
	check_tools
	ver=$(pkg_version "$src_pkg")
	src=$scratch/rewind-linux-src-$ver
	obj=$scratch/rewind-linux-obj-$ver$suffix
	extract_source "$src"
	mkdir -p "$obj"
	configure_kernel "$src" "$obj"
	build_kernel "$obj"

	tmp=$(mktemp -d "$cache_root/.kernel$suffix-$kkey.tmp.XXXXXX")
	gcc -O2 -o "$tmp/gen_init_cpio" "$src/usr/gen_init_cpio.c" ||
		die "cannot build gen_init_cpio"
	cp "$obj/arch/riscv/boot/Image" "$obj/vmlinux" "$tmp/"
	copy_gdb_scripts "$obj" "$tmp"
	chmod 755 "$tmp"
	# The inputs were read long after the key was computed; an edit in
	# between would file these artefacts under the wrong key.
	if [[ $(compute_kernel_key) != "$kkey" ]]; then
		rm -rf "$tmp"
		die "inputs changed during the build; run build.sh again"
	fi
	rm -rf "$kdir"
	mv -T "$tmp" "$kdir"
}

suffix=

main() {
	local print_only=0 kkey key dir kdir tmp f
	select_variant base
	while (($#)); do
		case "$1" in
		--print-dir) print_only=1 ;;
		--variant)
			(($# >= 2)) || usage
			select_variant "$2"
			shift
			;;
		*) usage ;;
		esac
		shift
	done
	[[ $variant == base ]] || suffix=-$variant

	kkey=$(compute_kernel_key)
	key=$(compute_key "$kkey")
	dir=$cache_root/linux$suffix-$key
	kdir=$cache_root/kernel$suffix-$kkey
	if ((print_only)) || is_complete "$dir" "${artefacts[@]}"; then
		echo "$dir"
		return 0
	fi

	mkdir -p "$cache_root" "$scratch" ||
		die "cannot create $cache_root and $scratch"
	# One build at a time: the scratch tree is shared between keys.
	need_tool flock util-linux
	exec 9>"$cache_root/.linux.lock"
	flock 9
	if is_complete "$dir" "${artefacts[@]}"; then
		echo "$dir"
		return 0
	fi
	build_kernel_dir "$kdir" "$kkey"

	tmp=$(mktemp -d "$cache_root/.linux$suffix-$key.tmp.XXXXXX")
	build_initramfs "$kdir" "$tmp"
	# The kernel's files (all of the gdb helpers' package too) are
	# shared, hard links where the file system has them, so another
	# init.c costs no copy of vmlinux.
	while IFS= read -r f; do
		mkdir -p "$(dirname "$tmp/$f")"
		ln "$kdir/$f" "$tmp/$f" 2>/dev/null || cp "$kdir/$f" "$tmp/$f"
	done < <(cd "$kdir" && find . -type f ! -name gen_init_cpio ! -name '*.pyc')
	chmod 755 "$tmp"
	if [[ $(compute_key "$(compute_kernel_key)") != "$key" ]]; then
		rm -rf "$tmp"
		die "inputs changed during the build; run build.sh again"
	fi
	rm -rf "$dir"
	mv -T "$tmp" "$dir"
	note "done"
	echo "$dir"
}

main "$@"
