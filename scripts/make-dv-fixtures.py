#!/usr/bin/env python3
"""Helper of scripts/make-dv-fixtures (Python 3 standard library only).

  inject KIND IN.hevc OUT.hevc WRITTEN.json
      KIND is p7-fel, p7-mel, p8 or no-dv (copied unchanged). Splits the Annex-B stream x265 wrote (--aud) into access units
      and appends to each a wrapped enhancement-layer NAL (7E 01 + a dummy EL slice) for P7 and an
      RPU NAL (7C 01) built here bit by bit. Writes the values it put in each RPU to WRITTEN.json.
  check FILE WRITTEN.json FRAMES.json STREAMS.json ANNEXB.hevc
      Compares what ffprobe decoded (FRAMES.json: -show_frames, STREAMS.json: -show_streams) and
      the RPU NALs found again in the muxed file (ANNEXB.hevc, extracted with ffmpeg -c copy) with
      WRITTEN.json. Prints table rows; exits 1 on a mismatch.

RPU layout as documented by dovi_tool's dolby_vision crate (rpu_data_header, rpu_data_mapping,
rpu_data_nlq, vdr_dm_data) and FFmpeg's libavcodec/dovi_rpu.c; written from the layout, no code
copied.
"""

import json
import sys

DENOM = 23  # coefficient_log2_denom: fixed-point coefficients (coefficient_data_type 0)
BL_BITS = 10  # bl_bit_depth_minus8 = 2
EL_BITS = 10  # el_bit_depth_minus8 = 2
VDR_BITS = 12  # vdr_bit_depth_minus8 = 4 (profile 7 needs 12)

# NLQ per component: (nlq_offset, vdr_in_max_int, vdr_in_max, linear_deadzone_slope_int,
# linear_deadzone_slope, linear_deadzone_threshold_int, linear_deadzone_threshold); the
# fractional parts are at denominator 2^23. FEL: typical disc values; MEL: the all-zero/1 set
# dovi_tool's RpuDataNlq::is_mel recognises.
NLQ = {
    "p7-fel": [(512, 0, 1 << 20, 0, 2048, 0, 0)] * 3,
    "p7-mel": [(0, 1, 0, 0, 0, 0, 0)] * 3,
}

# Mapping pivots as they go on the wire: delta-coded, u(bl_bit_depth) each (dovi_tool sums them;
# the absolute pivots here are Y 64..940 and Cb/Cr 64..960, 10-bit limited range).
PIVOTS = [[64, 876], [64, 896], [64, 896]]
# Keep 0 and 1023 (what discs carry): FFmpeg 5.1 does not read these two and takes their bits for
# num_x_partitions. A first pivot 0 (ten 0 bits) and a second >= 512 (leading 1) plus the next bit
# happen to form one 21-bit Exp-Golomb code, so its parse stays aligned; with other values (e.g.
# 0, 100) it fails RPU validation or decodes the rest wrong.
NLQ_PRED_PIVOTS = [0, 1023]

# Display-management block (vdr_dm_data_payload, CM v2.9 part): FFmpeg attaches the RPU to the
# frame only when one was seen, so every RPU carries one. BT.2020 YCbCr -> RGB, RGB -> LMS and PQ
# signal values as on typical discs.
DM = {
    "ycc_to_rgb_coef": [9575, 0, 14742, 9575, -1754, -4383, 9575, 17372, 0],
    "ycc_to_rgb_offset": [1 << 24, 1 << 27, 1 << 27],
    "rgb_to_lms_coef": [7222, 8771, 390, 2654, 12430, 1300, 0, 422, 15962],
    "signal_eotf": 65535,
    "signal_eotf_param0": 0,
    "signal_eotf_param1": 0,
    "signal_eotf_param2": 0,
    "signal_bit_depth": 12,
    "signal_color_space": 0,
    "signal_chroma_format": 0,
    "signal_full_range_flag": 1,
    "source_min_pq": 62,
    "source_max_pq": 3079,
    "source_diagonal": 42,
}


class BitWriter:
    def __init__(self):
        self.bits = []

    def u(self, n, value):
        if value < 0 or value >= 1 << n:
            raise ValueError(f"{value} does not fit in {n} bits")
        self.bits.extend((value >> (n - 1 - i)) & 1 for i in range(n))

    def s(self, n, value):  # two's complement
        self.u(n, value & ((1 << n) - 1))

    def ue(self, value):
        code = value + 1
        self.u(code.bit_length() - 1, 0)  # leading zeros
        self.u(code.bit_length(), code)

    def se(self, value):
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align_zero(self):
        while len(self.bits) % 8:
            self.bits.append(0)

    def bytes(self):
        assert len(self.bits) % 8 == 0
        out = bytearray()
        for i in range(0, len(self.bits), 8):
            byte = 0
            for bit in self.bits[i:i + 8]:
                byte = byte << 1 | bit
            out.append(byte)
        return bytes(out)


def crc32_mpeg2(data):
    """CRC-32/MPEG-2: polynomial 0x04C11DB7, init 0xFFFFFFFF, not reflected, no final xor."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


assert crc32_mpeg2(b"123456789") == 0x0376E6E7  # the catalogued check value


def escape(payload):
    """Inserts emulation-prevention bytes: 00 00 0x (x <= 3) becomes 00 00 03 0x."""
    out = bytearray()
    zeros = 0
    for byte in payload:
        if zeros >= 2 and byte <= 3:
            out.append(3)
            zeros = 0
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
    if zeros:  # a NAL must not end in 00 (never here: the RPU ends with 0x80)
        out.append(3)
    return bytes(out)


def unescape(payload):
    out = bytearray()
    zeros = 0
    i = 0
    while i < len(payload):
        byte = payload[i]
        if zeros >= 2 and byte == 3:
            zeros = 0
            i += 1
            continue
        out.append(byte)
        zeros = zeros + 1 if byte == 0 else 0
        i += 1
    return bytes(out)


def build_rpu(kind, frame):
    """Returns (NAL bytes with the 7C 01 header, dict of the values written)."""
    p7 = kind.startswith("p7")
    use_prev = p7 and frame == 1  # the second frame of P7 reuses the first one's mapping
    w = BitWriter()
    # rpu_data_header()
    w.u(8, 0x19)  # prefix
    w.u(6, 2)  # rpu_type
    w.u(11, 18)  # rpu_format
    w.u(4, 1)  # vdr_rpu_profile
    w.u(4, 0)  # vdr_rpu_level
    w.u(1, 1)  # vdr_seq_info_present_flag
    w.u(1, 0)  # chroma_resampling_explicit_filter_flag
    w.u(2, 0)  # coefficient_data_type: fixed point
    w.ue(DENOM)  # coefficient_log2_denom
    w.u(2, 1)  # vdr_rpu_normalized_idc
    w.u(1, 0)  # bl_video_full_range_flag
    w.ue(BL_BITS - 8)
    w.ue(EL_BITS - 8)
    w.ue(VDR_BITS - 8)
    w.u(1, 0)  # spatial_resampling_filter_flag
    w.u(3, 0)  # reserved_zero_3bits
    w.u(1, 1 if p7 else 0)  # el_spatial_resampling_filter_flag
    w.u(1, 0 if p7 else 1)  # disable_residual_flag
    w.u(1, 1)  # vdr_dm_metadata_present_flag
    w.u(1, 1 if use_prev else 0)  # use_prev_vdr_rpu_flag
    if use_prev:
        w.ue(0)  # prev_vdr_rpu_id
    else:
        w.ue(0)  # vdr_rpu_id
        w.ue(0)  # mapping_color_space
        w.ue(0)  # mapping_chroma_format_idc
        for pivots in PIVOTS:
            w.ue(len(pivots) - 2)  # num_pivots_minus_2
            for pivot in pivots:
                w.u(BL_BITS, pivot)
        if p7:  # NLQ present: rpu_format & 0x700 == 0 and disable_residual_flag == 0
            w.u(3, 0)  # nlq_method_idc: linear dead zone
            for pivot in NLQ_PRED_PIVOTS:
                w.u(BL_BITS, pivot)
        w.ue(0)  # num_x_partitions_minus1
        w.ue(0)  # num_y_partitions_minus1
        # vdr_rpu_data_payload(): one identity polynomial piece per component, y = 0 + 1.0 x
        for pivots in PIVOTS:
            for _ in range(len(pivots) - 1):
                w.ue(0)  # mapping_idc: polynomial
                w.ue(0)  # poly_order_minus1: linear
                w.u(1, 0)  # linear_interp_flag
                for int_part, frac in ((0, 0), (1, 0)):
                    w.se(int_part)
                    w.u(DENOM, frac)
        if p7:
            for offset, in_max_int, in_max, slope_int, slope, thr_int, thr in NLQ[kind]:
                w.u(EL_BITS, offset)
                w.ue(in_max_int)
                w.u(DENOM, in_max)
                w.ue(slope_int)
                w.u(DENOM, slope)
                w.ue(thr_int)
                w.u(DENOM, thr)
    # vdr_dm_data_payload()
    w.ue(0)  # affected_dm_metadata_id
    w.ue(0)  # current_dm_metadata_id
    w.ue(1 if frame == 0 else 0)  # scene_refresh_flag
    for value in DM["ycc_to_rgb_coef"]:
        w.s(16, value)
    for value in DM["ycc_to_rgb_offset"]:
        w.u(32, value)
    for value in DM["rgb_to_lms_coef"]:
        w.s(16, value)
    w.u(16, DM["signal_eotf"])
    w.u(16, DM["signal_eotf_param0"])
    w.u(16, DM["signal_eotf_param1"])
    w.u(32, DM["signal_eotf_param2"])
    w.u(5, DM["signal_bit_depth"])
    w.u(2, DM["signal_color_space"])
    w.u(2, DM["signal_chroma_format"])
    w.u(2, DM["signal_full_range_flag"])
    w.u(12, DM["source_min_pq"])
    w.u(12, DM["source_max_pq"])
    w.u(10, DM["source_diagonal"])
    w.ue(0)  # num_ext_blocks (CM v2.9): none
    w.align_zero()  # rpu_alignment_zero_bit
    body = w.bytes()
    crc = crc32_mpeg2(body[1:])  # over the bytes after the 0x19 prefix
    raw = body + crc.to_bytes(4, "big") + b"\x80"
    nal = b"\x7c\x01" + escape(raw)
    written = {
        "frame": frame,
        "use_prev_vdr_rpu_flag": int(use_prev),
        "profile": 7 if p7 else 8,
        "rpu_type": 2, "rpu_format": 18, "vdr_rpu_profile": 1, "coef_log2_denom": DENOM,
        "bl_bit_depth": BL_BITS, "el_bit_depth": EL_BITS, "vdr_bit_depth": VDR_BITS,
        "el_spatial_resampling_filter_flag": int(p7), "disable_residual_flag": int(not p7),
        "pivots_on_wire": PIVOTS,
        "crc": f"{crc:08X}",
        "rpu_nal_hex": nal.hex(),
        "escapes": len(nal) - 2 - len(raw),
    }
    if p7:
        # What FFmpeg stores and ffprobe prints: int_part << denom | fraction.
        written["nlq"] = [
            {"nlq_offset": o, "vdr_in_max": (i << DENOM) | m, "linear_deadzone_slope": (si << DENOM) | s,
             "linear_deadzone_threshold": (ti << DENOM) | t}
            for o, i, m, si, s, ti, t in NLQ[kind]
        ]
        written["nlq_on_wire"] = [list(values) for values in NLQ[kind]]
    return nal, written


# A dummy EL NAL: an enhancement-layer TRAIL_R slice header (02 01) with a few payload bytes and
# the RBSP stop bit, wrapped in a type-63 NAL (7E 01) as dual-layer single-track P7 carries it.
EL_NAL = b"\x7e\x01" + b"\x02\x01\xd0\x2a\x55\x80"


def split_annexb(data):
    """Returns the NAL units (without start codes) of an Annex-B byte stream."""
    starts = []
    i = 0
    while True:
        i = data.find(b"\x00\x00\x01", i)
        if i < 0:
            break
        starts.append(i + 3)
        i += 3
    nals = []
    for index, start in enumerate(starts):
        end = starts[index + 1] - 3 if index + 1 < len(starts) else len(data)
        nals.append(data[start:end].rstrip(b"\x00"))
    return [nal for nal in nals if nal]


def nal_type(nal):
    return (nal[0] >> 1) & 0x3F


def access_units(nals):
    units = []
    for nal in nals:
        if nal_type(nal) == 35 or not units:  # AUD starts an access unit (x265 --aud)
            units.append([])
        units[-1].append(nal)
    return units


def inject(kind, source, target, written_path):
    with open(source, "rb") as f:
        units = access_units(split_annexb(f.read()))
    if not units or nal_type(units[0][0]) != 35:
        sys.exit(f"{source}: no access unit delimiters (x265 --aud?)")
    out = bytearray()
    written = []
    for frame, unit in enumerate(units):
        if kind.startswith("p7"):
            unit = unit + [EL_NAL]
        if kind != "no-dv":
            rpu, values = build_rpu(kind, frame)
            unit = unit + [rpu]
            written.append(values)
        for nal in unit:
            out += b"\x00\x00\x00\x01" + nal
    with open(target, "wb") as f:
        f.write(out)
    with open(written_path, "w") as f:
        json.dump({"kind": kind, "frames": written}, f, indent=1)


# --- check ---------------------------------------------------------------------------------


def rpu_crc_ok(nal):
    """Unescapes an RPU NAL and checks its CRC-32/MPEG-2 (the bytes before CRC and 0x80)."""
    raw = unescape(nal[2:]).rstrip(b"\x00")
    if len(raw) < 6 or raw[0] != 0x19 or raw[-1] != 0x80:
        return False
    return crc32_mpeg2(raw[1:-5]) == int.from_bytes(raw[-5:-1], "big")


def rpu_profile(header):
    """Profile from header fields, per the reference (and FFmpeg's guess_profile)."""
    if header.get("vdr_rpu_profile") == 1:
        if header.get("el_spatial_resampling_filter_flag") and not header.get("disable_residual_flag"):
            return 7 if header.get("vdr_bit_depth") == 12 else 4
        return 8
    if header.get("vdr_rpu_profile") == 0 and header.get("bl_video_full_range_flag"):
        return 5
    return None


def dovi_frame_data(frame):
    for side in frame.get("side_data_list", []):
        if "nlq_method_idc" in side or "vdr_rpu_profile" in side:
            return side
    return None


ROW = "%-16s %5s  %-4s  %5s  %2s  %-4s  %-6s  %-7s  %-10s  %-15s  %-9s  %s"


def cell(written, decoded):
    show = lambda values: str(values[0]) if len(set(values)) == 1 else ",".join(map(str, values))
    return f"{show(written)}/{show(decoded)}"


def check(name, written_path, frames_path, streams_path, annexb_path):
    with open(written_path) as f:
        written = json.load(f)
    with open(frames_path) as f:
        frames = json.load(f).get("frames", [])
    with open(streams_path) as f:
        streams = json.load(f).get("streams", [])
    with open(annexb_path, "rb") as f:
        nals = split_annexb(f.read())
    kind = written["kind"]
    problems = []

    config = None
    for side in (streams[0].get("side_data_list", []) if streams else []):
        if "dv_profile" in side:
            config = side
    config_profile = config["dv_profile"] if config else None
    rpus = [nal for nal in nals if nal[:2] == b"\x7c\x01"]
    els = [nal for nal in nals if nal_type(nal) == 63]

    expected_rpus = [bytes.fromhex(values["rpu_nal_hex"]) for values in written["frames"]]
    if rpus != expected_rpus:
        problems.append(f"RPU NALs in the file differ from the ones written ({len(rpus)} vs {len(expected_rpus)})")
    bad_crc = [index for index, nal in enumerate(rpus) if not rpu_crc_ok(nal)]
    if bad_crc:
        problems.append(f"CRC-32/MPEG-2 mismatch in RPUs {bad_crc}")
    if kind.startswith("p7") and len(els) != len(written["frames"]):
        problems.append(f"{len(els)} EL NALs for {len(written['frames'])} frames")

    rows = []
    for index, frame in enumerate(frames[:2]):
        decoded = dovi_frame_data(frame)
        if kind == "no-dv":
            if decoded is not None or config is not None or rpus:
                problems.append("Dolby Vision data in the control file")
            rows.append((name, index, "-", "-", "-", "-/-", "-/-", "-", "-", "-", "-", "-"))
            continue
        values = written["frames"][index]
        if decoded is None:
            problems.append(f"frame {index}: ffprobe decoded no Dolby Vision RPU")
            continue
        for field in ("rpu_type", "rpu_format", "vdr_rpu_profile", "bl_bit_depth", "el_bit_depth",
                      "vdr_bit_depth", "coef_log2_denom", "el_spatial_resampling_filter_flag",
                      "disable_residual_flag"):
            if decoded.get(field) != values[field]:
                problems.append(f"frame {index}: {field} written {values[field]}, decoded {decoded.get(field)}")
        profile_cell = f"{values['profile']}/{config_profile}"
        rpu_cell = f"{values['profile']}/{rpu_profile(decoded)}"
        if config_profile != values["profile"]:
            problems.append(f"configuration record says profile {config_profile}, wrote {values['profile']}")
        if rpu_profile(decoded) != values["profile"]:
            problems.append(f"frame {index}: RPU header decodes as profile {rpu_profile(decoded)}")
        prev = "prev" if values["use_prev_vdr_rpu_flag"] else "full"
        if prev == "full" and values["escapes"] == 0:
            problems.append(f"frame {index}: the RPU needed no emulation-prevention byte")
        size, escapes = str(len(values["rpu_nal_hex"]) // 2), str(values["escapes"])
        if "nlq" not in values:
            if decoded.get("nlq_method_idc_name") != "none":
                problems.append(f"frame {index}: ffprobe reports NLQ in a profile-8 RPU")
            rows.append((name, index, prev, size, escapes, profile_cell, rpu_cell, "-", "-", "-", "-", "-"))
            continue
        components = decoded.get("components", [])
        cells = []
        for field in ("nlq_offset", "vdr_in_max", "linear_deadzone_slope", "linear_deadzone_threshold"):
            want = [component[field] for component in values["nlq"]]
            got = [component.get(field) for component in components]
            if want != got:
                problems.append(f"frame {index}: {field} written {want}, decoded {got}")
            cells.append(cell(want, got))
        # MEL when every component has the all-zero/1 set (dovi_tool's RpuDataNlq::is_mel), in
        # FFmpeg's combined form: vdr_in_max_int 1 and vdr_in_max 0 is 1 << 23.
        mel = all(component.get("nlq_offset") == 0 and component.get("vdr_in_max") == 1 << DENOM
                  and component.get("linear_deadzone_slope") == 0
                  and component.get("linear_deadzone_threshold") == 0 for component in components)
        layer = "MEL" if mel and components else "FEL"
        if layer != kind[3:].upper():
            problems.append(f"frame {index}: the decoded NLQ values say {layer}")
        rows.append((name, index, prev, size, escapes, profile_cell, rpu_cell, f"{kind[3:].upper()}/{layer}", *cells))
    if len(frames) < 2:
        problems.append(f"ffprobe returned {len(frames)} frames")

    for row in rows:
        print((ROW % row).rstrip())
    for problem in problems:
        print(f"  {name}: {problem}", file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    if len(argv) == 5 and argv[0] == "inject":
        inject(*argv[1:])
        return 0
    if len(argv) == 6 and argv[0] == "check":
        return check(*argv[1:])
    if argv == ["header"]:
        print((ROW % ("file", "frame", "rpu", "bytes", "ep", "dvcC", "header", "layer", "nlq_offset", "vdr_in_max",
                      "dz_slope", "dz_thresh")).rstrip())
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
