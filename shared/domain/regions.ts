/**
 * Administrative division codes (GB/T 2260) used to explain ID numbers and to
 * fill 籍贯/生源地 names.
 *
 * Why only a sample: the full GB/T 2260 table (3 000+ county codes, plus the
 * historical codes that stay valid inside old ID numbers) is data, not code;
 * it will be loaded from a table file later. Validation therefore only relies
 * on the 2-digit province list below (DOMAIN.md §1.5), and the county sample
 * exists for names in demo data and tests. Every sample code was checked
 * against a published GB/T 2260 table.
 */

/** Province-level codes (positions 1–2 of an ID number). 71/81/82/83 = 台湾/香港/澳门/港澳台居住证. */
export const PROVINCES: Readonly<Record<string, string>> = Object.freeze({
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
  // 83 is not a GB/T 2260 province: it is the address code of 台湾居民居住证 (DOMAIN §1.4).
  // Holders are Taiwan residents, so the region shown on forms is the same as for 71.
  '83': '台湾省',
});

export interface County {
  /** 6-digit GB/T 2260 code. */
  readonly code: string;
  /** Full name including province and prefecture, as printed on forms. */
  readonly name: string;
}

/** Real county-level codes across all 31 mainland provinces (demo data, tests, name display). */
export const SAMPLE_COUNTIES: readonly County[] = Object.freeze([
  { code: '110101', name: '北京市东城区' },
  { code: '110102', name: '北京市西城区' },
  { code: '110105', name: '北京市朝阳区' },
  { code: '110106', name: '北京市丰台区' },
  { code: '110108', name: '北京市海淀区' },
  { code: '120101', name: '天津市和平区' },
  { code: '120104', name: '天津市南开区' },
  { code: '130102', name: '河北省石家庄市长安区' },
  { code: '130203', name: '河北省唐山市路北区' },
  { code: '130302', name: '河北省秦皇岛市海港区' },
  { code: '140105', name: '山西省太原市小店区' },
  { code: '140107', name: '山西省太原市杏花岭区' },
  { code: '150102', name: '内蒙古自治区呼和浩特市新城区' },
  { code: '150203', name: '内蒙古自治区包头市昆都仑区' },
  { code: '210102', name: '辽宁省沈阳市和平区' },
  { code: '210202', name: '辽宁省大连市中山区' },
  { code: '210203', name: '辽宁省大连市西岗区' },
  { code: '220102', name: '吉林省长春市南关区' },
  { code: '220104', name: '吉林省长春市朝阳区' },
  { code: '230102', name: '黑龙江省哈尔滨市道里区' },
  { code: '230103', name: '黑龙江省哈尔滨市南岗区' },
  { code: '310101', name: '上海市黄浦区' },
  { code: '310104', name: '上海市徐汇区' },
  { code: '310115', name: '上海市浦东新区' },
  { code: '320102', name: '江苏省南京市玄武区' },
  { code: '320211', name: '江苏省无锡市滨湖区' },
  { code: '320321', name: '江苏省徐州市丰县' },
  { code: '320506', name: '江苏省苏州市吴中区' },
  { code: '320583', name: '江苏省苏州市昆山市' },
  { code: '330106', name: '浙江省杭州市西湖区' },
  { code: '330203', name: '浙江省宁波市海曙区' },
  { code: '330382', name: '浙江省温州市乐清市' },
  { code: '330424', name: '浙江省嘉兴市海盐县' },
  { code: '330782', name: '浙江省金华市义乌市' },
  { code: '340102', name: '安徽省合肥市瑶海区' },
  { code: '340104', name: '安徽省合肥市蜀山区' },
  { code: '350102', name: '福建省福州市鼓楼区' },
  { code: '350203', name: '福建省厦门市思明区' },
  { code: '350582', name: '福建省泉州市晋江市' },
  { code: '360102', name: '江西省南昌市东湖区' },
  { code: '360681', name: '江西省鹰潭市贵溪市' },
  { code: '370102', name: '山东省济南市历下区' },
  { code: '370202', name: '山东省青岛市市南区' },
  { code: '370203', name: '山东省青岛市市北区' },
  { code: '370724', name: '山东省潍坊市临朐县' },
  { code: '410102', name: '河南省郑州市中原区' },
  { code: '410105', name: '河南省郑州市金水区' },
  { code: '410305', name: '河南省洛阳市涧西区' },
  { code: '410324', name: '河南省洛阳市栾川县' },
  { code: '420102', name: '湖北省武汉市江岸区' },
  { code: '420111', name: '湖北省武汉市洪山区' },
  { code: '421022', name: '湖北省荆州市公安县' },
  { code: '430102', name: '湖南省长沙市芙蓉区' },
  { code: '430104', name: '湖南省长沙市岳麓区' },
  { code: '430121', name: '湖南省长沙市长沙县' },
  { code: '440104', name: '广东省广州市越秀区' },
  { code: '440106', name: '广东省广州市天河区' },
  { code: '440304', name: '广东省深圳市福田区' },
  { code: '440305', name: '广东省深圳市南山区' },
  { code: '440402', name: '广东省珠海市香洲区' },
  { code: '440604', name: '广东省佛山市禅城区' },
  { code: '450103', name: '广西壮族自治区南宁市青秀区' },
  { code: '450202', name: '广西壮族自治区柳州市城中区' },
  { code: '450302', name: '广西壮族自治区桂林市秀峰区' },
  { code: '460105', name: '海南省海口市秀英区' },
  { code: '460202', name: '海南省三亚市海棠区' },
  { code: '500103', name: '重庆市渝中区' },
  { code: '500106', name: '重庆市沙坪坝区' },
  { code: '500112', name: '重庆市渝北区' },
  { code: '510104', name: '四川省成都市锦江区' },
  { code: '510107', name: '四川省成都市武侯区' },
  { code: '510703', name: '四川省绵阳市涪城区' },
  { code: '511321', name: '四川省南充市南部县' },
  { code: '520102', name: '贵州省贵阳市南明区' },
  { code: '520103', name: '贵州省贵阳市云岩区' },
  { code: '530102', name: '云南省昆明市五华区' },
  { code: '532901', name: '云南省大理白族自治州大理市' },
  { code: '540102', name: '西藏自治区拉萨市城关区' },
  { code: '610103', name: '陕西省西安市碑林区' },
  { code: '610113', name: '陕西省西安市雁塔区' },
  { code: '620102', name: '甘肃省兰州市城关区' },
  { code: '620103', name: '甘肃省兰州市七里河区' },
  { code: '630102', name: '青海省西宁市城东区' },
  { code: '630103', name: '青海省西宁市城中区' },
  { code: '640104', name: '宁夏回族自治区银川市兴庆区' },
  { code: '640105', name: '宁夏回族自治区银川市西夏区' },
  { code: '650102', name: '新疆维吾尔自治区乌鲁木齐市天山区' },
  { code: '650103', name: '新疆维吾尔自治区乌鲁木齐市沙依巴克区' },
  { code: '652901', name: '新疆维吾尔自治区阿克苏地区阿克苏市' },
  { code: '653101', name: '新疆维吾尔自治区喀什地区喀什市' },
].map((c) => Object.freeze(c)));

const COUNTY_BY_CODE: ReadonlyMap<string, string> = new Map(SAMPLE_COUNTIES.map((c) => [c.code, c.name]));

/**
 * Human-readable name of a 6-digit address code: the county if it is in the
 * sample, otherwise the province (enough to say "广东省" for any 44xxxx code),
 * otherwise null. Never throws, so it is safe on unvalidated input.
 */
export function regionName(code6: string): string | null {
  const code = code6.trim();
  const county = COUNTY_BY_CODE.get(code);
  if (county !== undefined) return county;
  if (!/^\d{2}/.test(code)) return null;
  return PROVINCES[code.slice(0, 2)] ?? null;
}
