import type { Condition, ProductInput } from '@giggatek/domain';

/**
 * A product of the demo catalog: the catalog's product input with every field it needs.
 * Money is integer cents; `rentalRates` are per-term monthly overrides (SPEC §5), each
 * satisfying `rate × term ≥ price`.
 */
export type DemoProduct = Required<
  Pick<ProductInput, 'name' | 'description' | 'category' | 'brand' | 'specifications' | 'imageUrls' | 'price' | 'rentable' | 'stock' | 'isFeatured'>
> &
  Pick<ProductInput, 'rentalRates'> & { condition: Condition };

const img = (slug: string): string => `/images/products/${slug}.jpg`;

/**
 * The demo catalog: realistic refurbished stock over every default category (SPEC §2).
 * Pure data, so the seed, the docs and tests can all read it. Long because it is a list,
 * not because it does much.
 */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  // ---------------------------------------------------------------- GPUs
  {
    name: 'NVIDIA GeForce RTX 3080 Founders Edition 10GB',
    category: 'GPUs', brand: 'NVIDIA', condition: 'Excellent',
    description:
      'The reference RTX 3080 with the flow-through cooler. Bench-tested for 24 hours under load, thermal pads ' +
      'replaced, no coil whine. Ships in an anti-static bag with a 12-pin adapter.',
    specifications: { gpu: 'GA102', memory: '10 GB GDDR6X', memory_bus: '320-bit', boost_clock_mhz: 1710, tdp_watts: 320, outputs: '3x DisplayPort 1.4a, 1x HDMI 2.1' },
    imageUrls: [img('nvidia-geforce-rtx-3080-founders-edition-10gb'), img('nvidia-geforce-rtx-3080-founders-edition-10gb-2')],
    price: 42_999, rentalRates: { 12: 4_200, 24: 2_300 }, rentable: true, stock: 6, isFeatured: true,
  },
  {
    name: 'EVGA GeForce RTX 3070 XC3 Ultra 8GB',
    category: 'GPUs', brand: 'EVGA', condition: 'Good',
    description:
      'A compact triple-fan RTX 3070 that handles 1440p gaming with ease. Light scuffs on the backplate; fans and ' +
      'thermals tested within spec.',
    specifications: { gpu: 'GA104', memory: '8 GB GDDR6', memory_bus: '256-bit', boost_clock_mhz: 1755, tdp_watts: 220, power_connectors: '2x 8-pin' },
    imageUrls: [img('evga-geforce-rtx-3070-xc3-ultra-8gb')],
    price: 27_999, rentable: true, stock: 12, isFeatured: false,
  },
  {
    name: 'ASUS TUF Gaming GeForce RTX 3090 OC 24GB',
    category: 'GPUs', brand: 'ASUS', condition: 'Refurbished',
    description:
      'A 24 GB card for 4K gaming, rendering and machine-learning work. Professionally refurbished with new thermal ' +
      'paste and pads, and stress-tested before shipping.',
    specifications: { gpu: 'GA102', memory: '24 GB GDDR6X', memory_bus: '384-bit', boost_clock_mhz: 1770, tdp_watts: 350, slots: 2.7 },
    imageUrls: [img('asus-tuf-gaming-geforce-rtx-3090-oc-24gb')],
    price: 79_999, rentable: true, stock: 2, isFeatured: true,
  },
  {
    name: 'MSI GeForce RTX 2070 Super Gaming X 8GB',
    category: 'GPUs', brand: 'MSI', condition: 'Fair',
    description:
      'A solid 1080p and 1440p performer at a budget price. Visible wear on the shroud and one RGB zone is dim; ' +
      'performance is unaffected.',
    specifications: { gpu: 'TU104', memory: '8 GB GDDR6', memory_bus: '256-bit', boost_clock_mhz: 1800, tdp_watts: 215 },
    imageUrls: [img('msi-geforce-rtx-2070-super-gaming-x-8gb')],
    price: 18_999, rentable: false, stock: 9, isFeatured: false,
  },
  {
    name: 'AMD Radeon RX 6800 XT Reference 16GB',
    category: 'GPUs', brand: 'AMD', condition: 'Open Box',
    description:
      'Opened and returned unused. 16 GB of memory and strong rasterisation performance for high-refresh 1440p. ' +
      'Complete with original box and documentation.',
    specifications: { gpu: 'Navi 21', memory: '16 GB GDDR6', memory_bus: '256-bit', boost_clock_mhz: 2250, tdp_watts: 300 },
    imageUrls: [img('amd-radeon-rx-6800-xt-reference-16gb')],
    price: 39_999, rentable: true, stock: 3, isFeatured: false,
  },
  {
    name: 'Sapphire Pulse Radeon RX 580 8GB',
    category: 'GPUs', brand: 'Sapphire', condition: 'Good',
    description:
      'A dependable entry-level card for esports titles and multi-monitor office setups. Cleaned, re-pasted and ' +
      'tested.',
    specifications: { gpu: 'Polaris 20', memory: '8 GB GDDR5', memory_bus: '256-bit', boost_clock_mhz: 1366, tdp_watts: 185 },
    imageUrls: [img('sapphire-pulse-radeon-rx-580-8gb')],
    price: 8_999, rentable: false, stock: 25, isFeatured: false,
  },
  {
    name: 'NVIDIA Quadro RTX 4000 8GB',
    category: 'GPUs', brand: 'NVIDIA', condition: 'Refurbished',
    description:
      'A single-slot workstation card with certified drivers for CAD and DCC applications. Pulled from a leased ' +
      'workstation fleet and fully tested.',
    specifications: { gpu: 'TU104', memory: '8 GB GDDR6', memory_bus: '256-bit', tdp_watts: 160, slots: 1, outputs: '3x DisplayPort 1.4, 1x VirtualLink' },
    imageUrls: [img('nvidia-quadro-rtx-4000-8gb')],
    price: 34_999, rentable: true, stock: 0, isFeatured: false,
  },
  {
    name: 'Gigabyte GeForce GTX 1660 Super OC 6GB',
    category: 'GPUs', brand: 'Gigabyte', condition: 'Excellent',
    description:
      'A quiet, efficient 1080p card that needs a single 8-pin connector. Barely used; looks and runs like new.',
    specifications: { gpu: 'TU116', memory: '6 GB GDDR6', memory_bus: '192-bit', boost_clock_mhz: 1845, tdp_watts: 125 },
    imageUrls: [img('gigabyte-geforce-gtx-1660-super-oc-6gb')],
    price: 12_999, rentable: false, stock: 18, isFeatured: false,
  },
  // ---------------------------------------------------------------- CPUs
  {
    name: 'Intel Core i9-9900K 8-Core 3.6 GHz LGA1151',
    category: 'CPUs', brand: 'Intel', condition: 'Excellent',
    description:
      'Eight cores and sixteen threads boosting to 5.0 GHz. Pins inspected under magnification; tested on a Z390 ' +
      'board. Cooler not included.',
    specifications: { cores: 8, threads: 16, base_clock_ghz: 3.6, boost_clock_ghz: 5.0, socket: 'LGA1151', tdp_watts: 95 },
    imageUrls: [img('intel-core-i9-9900k')],
    price: 21_999, rentable: false, stock: 8, isFeatured: false,
  },
  {
    name: 'AMD Ryzen 7 5800X 8-Core 3.8 GHz AM4',
    category: 'CPUs', brand: 'AMD', condition: 'Open Box',
    description:
      'Returned unopened-in-tray, with the original retail box. Zen 3 single-thread performance for gaming and ' +
      'development builds.',
    specifications: { cores: 8, threads: 16, base_clock_ghz: 3.8, boost_clock_ghz: 4.7, socket: 'AM4', tdp_watts: 105, l3_cache: '32 MB' },
    imageUrls: [img('amd-ryzen-7-5800x')],
    price: 19_999, rentable: false, stock: 14, isFeatured: false,
  },
  {
    name: 'AMD Ryzen 5 3600 6-Core 3.6 GHz AM4',
    category: 'CPUs', brand: 'AMD', condition: 'Good',
    description: 'The budget builder\'s favourite. Includes the Wraith Stealth cooler, cleaned and with fresh paste.',
    specifications: { cores: 6, threads: 12, base_clock_ghz: 3.6, boost_clock_ghz: 4.2, socket: 'AM4', tdp_watts: 65 },
    imageUrls: [img('amd-ryzen-5-3600')],
    price: 7_999, rentable: false, stock: 30, isFeatured: false,
  },
  {
    name: 'Intel Core i7-8700K 6-Core 3.7 GHz LGA1151',
    category: 'CPUs', brand: 'Intel', condition: 'Good',
    description:
      'An unlocked six-core chip that still games well. Light marks on the heat spreader from a previous cooler.',
    specifications: { cores: 6, threads: 12, base_clock_ghz: 3.7, boost_clock_ghz: 4.7, socket: 'LGA1151', tdp_watts: 95 },
    imageUrls: [img('intel-core-i7-8700k')],
    price: 14_999, rentable: false, stock: 11, isFeatured: false,
  },
  {
    name: 'Intel Xeon E5-2690 v4 14-Core 2.6 GHz LGA2011-3',
    category: 'CPUs', brand: 'Intel', condition: 'Refurbished',
    description:
      'A server pull ideal for home-lab virtualisation hosts. Each unit is verified in a dual-socket system before ' +
      'listing.',
    specifications: { cores: 14, threads: 28, base_clock_ghz: 2.6, boost_clock_ghz: 3.5, socket: 'LGA2011-3', tdp_watts: 135, l3_cache: '35 MB' },
    imageUrls: [img('intel-xeon-e5-2690-v4')],
    price: 5_999, rentable: false, stock: 22, isFeatured: false,
  },
  {
    name: 'AMD Ryzen 9 5900X 12-Core 3.7 GHz AM4',
    category: 'CPUs', brand: 'AMD', condition: 'Excellent',
    description:
      'Twelve Zen 3 cores for compiling, encoding and streaming while gaming. Tested with a full Cinebench loop.',
    specifications: { cores: 12, threads: 24, base_clock_ghz: 3.7, boost_clock_ghz: 4.8, socket: 'AM4', tdp_watts: 105, l3_cache: '64 MB' },
    imageUrls: [img('amd-ryzen-9-5900x')],
    price: 28_999, rentable: false, stock: 2, isFeatured: false,
  },
  {
    name: 'Intel Core i5-10400 6-Core 2.9 GHz LGA1200',
    category: 'CPUs', brand: 'Intel', condition: 'Fair',
    description:
      'A capable office and light gaming processor with integrated UHD 630 graphics. Cosmetic wear only; stock ' +
      'cooler not included.',
    specifications: { cores: 6, threads: 12, base_clock_ghz: 2.9, boost_clock_ghz: 4.3, socket: 'LGA1200', tdp_watts: 65 },
    imageUrls: [img('intel-core-i5-10400')],
    price: 8_499, rentable: false, stock: 0, isFeatured: false,
  },
  // ---------------------------------------------------------------- Memory
  {
    name: 'Corsair Vengeance LPX 32GB (2x16GB) DDR4-3200 CL16',
    category: 'Memory', brand: 'Corsair', condition: 'Excellent',
    description:
      'A matched low-profile kit that clears large tower coolers. Passed a full MemTest86 run at its XMP profile.',
    specifications: { capacity: '32 GB', modules: 2, type: 'DDR4', speed_mts: 3200, cas_latency: 16, form_factor: 'DIMM' },
    imageUrls: [img('corsair-vengeance-lpx-32gb-ddr4-3200')],
    price: 6_999, rentable: false, stock: 35, isFeatured: false,
  },
  {
    name: 'G.Skill Trident Z RGB 16GB (2x8GB) DDR4-3600 CL18',
    category: 'Memory', brand: 'G.Skill', condition: 'Good',
    description:
      'Fast RGB memory for Ryzen and Intel builds. Light bars are fully functional; heat spreaders show minor ' +
      'handling marks.',
    specifications: { capacity: '16 GB', modules: 2, type: 'DDR4', speed_mts: 3600, cas_latency: 18, form_factor: 'DIMM' },
    imageUrls: [img('gskill-trident-z-rgb-16gb-ddr4-3600')],
    price: 4_999, rentable: false, stock: 20, isFeatured: false,
  },
  {
    name: 'Kingston FURY Impact 16GB DDR4-2666 SODIMM',
    category: 'Memory', brand: 'Kingston', condition: 'Refurbished',
    description:
      'A single laptop module, the easy upgrade for an 8 GB notebook. Tested in a ThinkPad and an EliteBook.',
    specifications: { capacity: '16 GB', modules: 1, type: 'DDR4', speed_mts: 2666, cas_latency: 15, form_factor: 'SODIMM' },
    imageUrls: [img('kingston-fury-impact-16gb-ddr4-2666-sodimm')],
    price: 3_499, rentable: false, stock: 40, isFeatured: false,
  },
  {
    name: 'Samsung 64GB DDR4-2933 ECC Registered RDIMM',
    category: 'Memory', brand: 'Samsung', condition: 'Refurbished',
    description:
      'Server memory (M393A8G40MB2-CVF) pulled from decommissioned hosts. Error-free after a 12-hour burn-in.',
    specifications: { capacity: '64 GB', modules: 1, type: 'DDR4 ECC RDIMM', speed_mts: 2933, ranks: '2Rx4', part_number: 'M393A8G40MB2-CVF' },
    imageUrls: [img('samsung-64gb-ddr4-2933-ecc-rdimm')],
    price: 8_999, rentable: false, stock: 16, isFeatured: false,
  },
  {
    name: 'Crucial Ballistix 32GB (2x16GB) DDR4-3600 CL16',
    category: 'Memory', brand: 'Crucial', condition: 'Open Box',
    description: 'Opened, never installed. Micron E-die kit with a tight CL16 profile at 3600 MT/s.',
    specifications: { capacity: '32 GB', modules: 2, type: 'DDR4', speed_mts: 3600, cas_latency: 16, form_factor: 'DIMM' },
    imageUrls: [img('crucial-ballistix-32gb-ddr4-3600')],
    price: 8_499, rentable: false, stock: 3, isFeatured: false,
  },
  {
    name: 'Crucial 8GB DDR4-2400 SODIMM',
    category: 'Memory', brand: 'Crucial', condition: 'Fair',
    description:
      'A budget laptop module with a worn label. Electrically perfect and tested; the price reflects the looks.',
    specifications: { capacity: '8 GB', modules: 1, type: 'DDR4', speed_mts: 2400, cas_latency: 17, form_factor: 'SODIMM' },
    imageUrls: [img('crucial-8gb-ddr4-2400-sodimm')],
    price: 1_499, rentable: false, stock: 38, isFeatured: false,
  },
  {
    name: 'Corsair Dominator Platinum RGB 32GB (2x16GB) DDR5-5600',
    category: 'Memory', brand: 'Corsair', condition: 'Excellent',
    description:
      'Premium DDR5 for current Intel and AM5 platforms. Returned from a display build; used for less than a month.',
    specifications: { capacity: '32 GB', modules: 2, type: 'DDR5', speed_mts: 5600, cas_latency: 36, form_factor: 'DIMM' },
    imageUrls: [img('corsair-dominator-platinum-rgb-32gb-ddr5-5600')],
    price: 12_999, rentable: false, stock: 7, isFeatured: false,
  },
  // ---------------------------------------------------------------- Storage
  {
    name: 'Samsung 970 EVO Plus 1TB NVMe M.2 SSD',
    category: 'Storage', brand: 'Samsung', condition: 'Excellent',
    description: 'A fast PCIe 3.0 boot drive. SMART health above 98%; securely erased to NIST 800-88 before resale.',
    specifications: { capacity: '1 TB', interface: 'PCIe 3.0 x4 NVMe', form_factor: 'M.2 2280', read_mbps: 3500, write_mbps: 3300, health_percent: 98 },
    imageUrls: [img('samsung-970-evo-plus-1tb')],
    price: 6_999, rentable: false, stock: 28, isFeatured: false,
  },
  {
    name: 'WD Black SN850 2TB NVMe PCIe 4.0 SSD',
    category: 'Storage', brand: 'Western Digital', condition: 'Open Box',
    description:
      'Opened and returned unused: zero hours on the drive. A PCIe 4.0 drive that is also PlayStation 5 compatible.',
    specifications: { capacity: '2 TB', interface: 'PCIe 4.0 x4 NVMe', form_factor: 'M.2 2280', read_mbps: 7000, write_mbps: 5100 },
    imageUrls: [img('wd-black-sn850-2tb')],
    price: 16_999, rentable: false, stock: 5, isFeatured: false,
  },
  {
    name: 'Crucial MX500 500GB 2.5" SATA SSD',
    category: 'Storage', brand: 'Crucial', condition: 'Good',
    description:
      'The simplest upgrade for an older laptop or desktop still on a hard drive. Wiped, health-checked, with a 7 mm ' +
      'spacer.',
    specifications: { capacity: '500 GB', interface: 'SATA III', form_factor: '2.5"', read_mbps: 560, write_mbps: 510, health_percent: 94 },
    imageUrls: [img('crucial-mx500-500gb')],
    price: 3_999, rentable: false, stock: 40, isFeatured: false,
  },
  {
    name: 'Seagate IronWolf 8TB 3.5" NAS HDD 7200 RPM',
    category: 'Storage', brand: 'Seagate', condition: 'Refurbished',
    description:
      'A factory-recertified NAS drive with a clean SMART report and a full surface scan. Built for 24/7 RAID ' +
      'arrays.',
    specifications: { capacity: '8 TB', interface: 'SATA III', form_factor: '3.5"', rpm: 7200, cache: '256 MB' },
    imageUrls: [img('seagate-ironwolf-8tb')],
    price: 13_999, rentable: false, stock: 9, isFeatured: false,
  },
  {
    name: 'WD Red Plus 4TB 3.5" NAS HDD',
    category: 'Storage', brand: 'Western Digital', condition: 'Good',
    description: 'A CMR drive for small NAS boxes. About 9 000 power-on hours, zero reallocated sectors.',
    specifications: { capacity: '4 TB', interface: 'SATA III', form_factor: '3.5"', rpm: 5400, recording: 'CMR', power_on_hours: 9012 },
    imageUrls: [img('wd-red-plus-4tb')],
    price: 7_499, rentable: false, stock: 1, isFeatured: false,
  },
  {
    name: 'Intel Optane SSD 905P 480GB PCIe Add-in Card',
    category: 'Storage', brand: 'Intel', condition: 'Refurbished',
    description:
      '3D XPoint storage with very low latency at any queue depth, ideal for databases and caching tiers. Endurance ' +
      'well within rating.',
    specifications: { capacity: '480 GB', interface: 'PCIe 3.0 x4 NVMe', form_factor: 'HHHL add-in card', read_mbps: 2600, write_mbps: 2200 },
    imageUrls: [img('intel-optane-905p-480gb')],
    price: 22_999, rentable: false, stock: 4, isFeatured: false,
  },
  {
    name: 'Samsung T7 Portable SSD 1TB USB 3.2',
    category: 'Storage', brand: 'Samsung', condition: 'Excellent',
    description: 'A pocket-sized external SSD in aluminium. Includes both USB-C to C and USB-C to A cables.',
    specifications: { capacity: '1 TB', interface: 'USB 3.2 Gen 2', read_mbps: 1050, write_mbps: 1000, weight_grams: 58 },
    imageUrls: [img('samsung-t7-portable-ssd-1tb')],
    price: 8_499, rentable: false, stock: 15, isFeatured: false,
  },
  {
    name: 'Samsung 860 EVO 1TB 2.5" SATA SSD',
    category: 'Storage', brand: 'Samsung', condition: 'Fair',
    description: 'A reliable SATA SSD with cosmetic scratches on the casing. Health 91% and securely erased.',
    specifications: { capacity: '1 TB', interface: 'SATA III', form_factor: '2.5"', read_mbps: 550, write_mbps: 520, health_percent: 91 },
    imageUrls: [img('samsung-860-evo-1tb')],
    price: 5_999, rentable: false, stock: 0, isFeatured: false,
  },
  // ---------------------------------------------------------------- Laptops
  {
    name: 'Lenovo ThinkPad T480 14" i5-8350U 16GB/512GB',
    category: 'Laptops', brand: 'Lenovo', condition: 'Refurbished',
    description:
      'The dependable business workhorse with a hot-swappable rear battery. New keyboard, a battery above 85% health ' +
      'and a fresh Windows 11 Pro install.',
    specifications: { cpu: 'Intel Core i5-8350U', ram: '16 GB DDR4', storage: '512 GB NVMe SSD', display: '14" FHD IPS', weight_kg: 1.58, battery_health_percent: 87 },
    imageUrls: [img('lenovo-thinkpad-t480-i5-8350u-16gb-512gb'), img('lenovo-thinkpad-t480-i5-8350u-16gb-512gb-2')],
    price: 37_999, rentable: true, stock: 24, isFeatured: true,
  },
  {
    name: 'Dell Latitude 7490 14" i7-8650U 16GB/256GB',
    category: 'Laptops', brand: 'Dell', condition: 'Good',
    description:
      'A slim 14-inch business laptop with a carbon-fibre lid. Minor wear on the palm rest; battery and ports fully ' +
      'tested.',
    specifications: { cpu: 'Intel Core i7-8650U', ram: '16 GB DDR4', storage: '256 GB NVMe SSD', display: '14" FHD', weight_kg: 1.4 },
    imageUrls: [img('dell-latitude-7490-i7-8650u-16gb-256gb')],
    price: 42_999, rentable: true, stock: 13, isFeatured: false,
  },
  {
    name: 'Apple MacBook Pro 16" 2019 i9 32GB/1TB',
    category: 'Laptops', brand: 'Apple', condition: 'Excellent',
    description:
      'The last Intel 16-inch MacBook Pro with the full keyboard and a Radeon Pro 5500M. Battery cycle count under ' +
      '150; AppleCare diagnostics passed.',
    specifications: { cpu: 'Intel Core i9-9880H', ram: '32 GB DDR4', storage: '1 TB SSD', gpu: 'AMD Radeon Pro 5500M 4GB', display: '16" Retina 3072x1920', battery_cycles: 142 },
    imageUrls: [img('apple-macbook-pro-16-2019-i9-32gb-1tb')],
    price: 149_999, rentalRates: { 12: 13_500, 24: 7_200 }, rentable: true, stock: 3, isFeatured: true,
  },
  {
    name: 'HP EliteBook 840 G6 14" i5-8265U 8GB/256GB',
    category: 'Laptops', brand: 'HP', condition: 'Fair',
    description:
      'A budget-friendly business laptop. Noticeable scratches on the lid, but a crisp screen and a healthy battery.',
    specifications: { cpu: 'Intel Core i5-8265U', ram: '8 GB DDR4', storage: '256 GB NVMe SSD', display: '14" FHD IPS', weight_kg: 1.48 },
    imageUrls: [img('hp-elitebook-840-g6-i5-8265u-8gb-256gb')],
    price: 29_999, rentable: true, stock: 17, isFeatured: false,
  },
  {
    name: 'Microsoft Surface Laptop 3 13.5" i5-1035G7 8GB/256GB',
    category: 'Laptops', brand: 'Microsoft', condition: 'Open Box',
    description:
      'Opened and returned within the trial period. The PixelSense touch display and Alcantara keyboard deck are as ' +
      'new.',
    specifications: { cpu: 'Intel Core i5-1035G7', ram: '8 GB LPDDR4x', storage: '256 GB SSD', display: '13.5" 2256x1504 touch', weight_kg: 1.29 },
    imageUrls: [img('microsoft-surface-laptop-3-i5-1035g7-8gb-256gb')],
    price: 54_999, rentable: true, stock: 2, isFeatured: false,
  },
  {
    name: 'Lenovo ThinkPad X1 Carbon Gen 7 14" i7-8665U 16GB/512GB',
    category: 'Laptops', brand: 'Lenovo', condition: 'Excellent',
    description:
      'An ultralight flagship at just over a kilogram, with a 4K-ready Thunderbolt 3 port and an excellent keyboard. ' +
      'Battery above 90% health.',
    specifications: { cpu: 'Intel Core i7-8665U', ram: '16 GB LPDDR3', storage: '512 GB NVMe SSD', display: '14" FHD IPS', weight_kg: 1.09, battery_health_percent: 92 },
    imageUrls: [img('lenovo-thinkpad-x1-carbon-gen-7-i7-8665u-16gb-512gb')],
    price: 69_999, rentable: true, stock: 6, isFeatured: false,
  },
  {
    name: 'Dell XPS 15 9570 15.6" i7-8750H 16GB/512GB GTX 1050 Ti',
    category: 'Laptops', brand: 'Dell', condition: 'Good',
    description:
      'A creator laptop with a six-core CPU and a discrete GPU in a thin aluminium chassis. Re-pasted for cooler ' +
      'running.',
    specifications: { cpu: 'Intel Core i7-8750H', ram: '16 GB DDR4', storage: '512 GB NVMe SSD', gpu: 'NVIDIA GeForce GTX 1050 Ti 4GB', display: '15.6" FHD IPS' },
    imageUrls: [img('dell-xps-15-9570-i7-8750h-16gb-512gb')],
    price: 74_999, rentable: true, stock: 0, isFeatured: false,
  },
  {
    name: 'ASUS ROG Zephyrus G14 14" Ryzen 9 4900HS 16GB/1TB RTX 2060',
    category: 'Laptops', brand: 'ASUS', condition: 'Refurbished',
    description:
      'A compact gaming laptop with a 120 Hz display and an RTX 2060 Max-Q. Refurbished with a new battery and a ' +
      'deep clean of the fans.',
    specifications: { cpu: 'AMD Ryzen 9 4900HS', ram: '16 GB DDR4', storage: '1 TB NVMe SSD', gpu: 'NVIDIA GeForce RTX 2060 Max-Q 6GB', display: '14" FHD 120 Hz', weight_kg: 1.6 },
    imageUrls: [img('asus-rog-zephyrus-g14-ryzen-9-4900hs-16gb-1tb')],
    price: 89_999, rentable: true, stock: 5, isFeatured: false,
  },
  // ---------------------------------------------------------------- Desktops
  {
    name: 'Dell OptiPlex 7070 SFF i7-9700 16GB/512GB',
    category: 'Desktops', brand: 'Dell', condition: 'Refurbished',
    description:
      'A small-form-factor office PC off a corporate lease. Eight cores, dual DisplayPort, and Windows 11 Pro ' +
      'preinstalled.',
    specifications: { cpu: 'Intel Core i7-9700', ram: '16 GB DDR4', storage: '512 GB NVMe SSD', form_factor: 'Small form factor', os: 'Windows 11 Pro' },
    imageUrls: [img('dell-optiplex-7070-sff-i7-9700-16gb-512gb')],
    price: 44_999, rentable: true, stock: 20, isFeatured: false,
  },
  {
    name: 'HP EliteDesk 800 G4 Mini i5-8500T 8GB/256GB',
    category: 'Desktops', brand: 'HP', condition: 'Good',
    description:
      'A one-litre PC that mounts behind a monitor. Quiet, frugal and ideal for reception desks and home labs.',
    specifications: { cpu: 'Intel Core i5-8500T', ram: '8 GB DDR4', storage: '256 GB NVMe SSD', form_factor: 'Mini (1 L)', power_adapter_watts: 65 },
    imageUrls: [img('hp-elitedesk-800-g4-mini-i5-8500t-8gb-256gb')],
    price: 24_999, rentable: false, stock: 32, isFeatured: false,
  },
  {
    name: 'Lenovo ThinkCentre M920q Tiny i5-8500T 16GB/256GB',
    category: 'Desktops', brand: 'Lenovo', condition: 'Excellent',
    description:
      'A tiny desktop with a PCIe riser option, popular for pfSense and Proxmox builds. Barely used, with its ' +
      'original power brick.',
    specifications: { cpu: 'Intel Core i5-8500T', ram: '16 GB DDR4', storage: '256 GB NVMe SSD', form_factor: 'Tiny (1 L)' },
    imageUrls: [img('lenovo-thinkcentre-m920q-tiny-i5-8500t-16gb-256gb')],
    price: 27_999, rentable: false, stock: 14, isFeatured: false,
  },
  {
    name: 'Apple Mac mini 2018 i7 3.2GHz 32GB/512GB',
    category: 'Desktops', brand: 'Apple', condition: 'Good',
    description:
      'A six-core Intel Mac mini with four Thunderbolt 3 ports and 10 Gb Ethernet. Light marks on the lid; passes ' +
      'Apple Diagnostics.',
    specifications: { cpu: 'Intel Core i7-8700B', ram: '32 GB DDR4', storage: '512 GB SSD', network: '10 Gb Ethernet', ports: '4x Thunderbolt 3' },
    imageUrls: [img('apple-mac-mini-2018-i7-32gb-512gb')],
    price: 54_999, rentable: true, stock: 4, isFeatured: false,
  },
  {
    name: 'Dell Precision 5820 Tower Xeon W-2135 64GB/1TB Quadro P4000',
    category: 'Desktops', brand: 'Dell', condition: 'Refurbished',
    description:
      'A workstation for CAD, simulation and rendering. ECC memory, a certified Quadro card and a tool-less chassis; ' +
      'refurbished and burn-in tested.',
    specifications: { cpu: 'Intel Xeon W-2135', ram: '64 GB DDR4 ECC', storage: '1 TB NVMe SSD', gpu: 'NVIDIA Quadro P4000 8GB', psu_watts: 950 },
    imageUrls: [img('dell-precision-5820-xeon-w-2135-64gb-1tb')],
    price: 119_999, rentable: true, stock: 2, isFeatured: true,
  },
  {
    name: 'HP Z4 G4 Workstation Xeon W-2125 32GB/512GB',
    category: 'Desktops', brand: 'HP', condition: 'Fair',
    description:
      'A capable workstation with cosmetic wear on the side panel. Plenty of PCIe lanes and room for expansion.',
    specifications: { cpu: 'Intel Xeon W-2125', ram: '32 GB DDR4 ECC', storage: '512 GB NVMe SSD', gpu: 'NVIDIA Quadro P2000 5GB', psu_watts: 750 },
    imageUrls: [img('hp-z4-g4-xeon-w-2125-32gb-512gb')],
    price: 79_999, rentable: true, stock: 3, isFeatured: false,
  },
  {
    name: 'GigGatek Gaming PC Ryzen 7 3700X RTX 2070 Super 16GB/1TB',
    category: 'Desktops', brand: 'GigGatek', condition: 'Open Box',
    description:
      'Our own build from refurbished parts, returned unused by a customer. Tempered-glass case, 650 W Gold power ' +
      'supply and a clean Windows install.',
    specifications: { cpu: 'AMD Ryzen 7 3700X', ram: '16 GB DDR4-3200', storage: '1 TB NVMe SSD', gpu: 'NVIDIA GeForce RTX 2070 Super 8GB', psu_watts: 650 },
    imageUrls: [img('giggatek-gaming-pc-ryzen-7-3700x-rtx-2070-super')],
    price: 109_999, rentable: true, stock: 1, isFeatured: false,
  },
  // ---------------------------------------------------------------- Monitors
  {
    name: 'Dell UltraSharp U2719D 27" QHD IPS Monitor',
    category: 'Monitors', brand: 'Dell', condition: 'Excellent',
    description:
      'A colour-accurate 27-inch office monitor with thin bezels and a fully adjustable stand. No dead pixels.',
    specifications: { size_inches: 27, resolution: '2560x1440', panel: 'IPS', refresh_hz: 60, inputs: 'HDMI, DisplayPort, DP out' },
    imageUrls: [img('dell-ultrasharp-u2719d')],
    price: 24_999, rentable: true, stock: 12, isFeatured: false,
  },
  {
    name: 'LG UltraGear 27GL850-B 27" QHD 144Hz Nano IPS',
    category: 'Monitors', brand: 'LG', condition: 'Open Box',
    description:
      'A fast 1 ms Nano IPS gaming monitor with G-Sync compatibility. Opened and returned; all accessories included.',
    specifications: { size_inches: 27, resolution: '2560x1440', panel: 'Nano IPS', refresh_hz: 144, response_ms: 1 },
    imageUrls: [img('lg-ultragear-27gl850-b')],
    price: 32_999, rentable: true, stock: 5, isFeatured: false,
  },
  {
    name: 'ASUS ProArt PA278QV 27" QHD Monitor',
    category: 'Monitors', brand: 'ASUS', condition: 'Refurbished',
    description:
      'A factory-calibrated 100% sRGB display for photo and design work. Refurbished panel with a new stand.',
    specifications: { size_inches: 27, resolution: '2560x1440', panel: 'IPS', refresh_hz: 75, color_gamut: '100% sRGB' },
    imageUrls: [img('asus-proart-pa278qv')],
    price: 27_999, rentable: true, stock: 8, isFeatured: false,
  },
  {
    name: 'Samsung Odyssey G7 32" QHD 240Hz Curved Monitor',
    category: 'Monitors', brand: 'Samsung', condition: 'Good',
    description:
      'An aggressive 1000R curve, 240 Hz and HDR600 for immersive gaming. Minor marks on the rear housing only.',
    specifications: { size_inches: 32, resolution: '2560x1440', panel: 'VA', refresh_hz: 240, curvature: '1000R', hdr: 'DisplayHDR 600' },
    imageUrls: [img('samsung-odyssey-g7-32')],
    price: 49_999, rentable: true, stock: 2, isFeatured: true,
  },
  {
    name: 'HP EliteDisplay E243 23.8" FHD IPS Monitor',
    category: 'Monitors', brand: 'HP', condition: 'Fair',
    description: 'An ergonomic office monitor with a pivoting stand. Small scuffs on the bezel; panel free of defects.',
    specifications: { size_inches: 23.8, resolution: '1920x1080', panel: 'IPS', refresh_hz: 60, inputs: 'HDMI, DisplayPort, VGA' },
    imageUrls: [img('hp-elitedisplay-e243')],
    price: 10_999, rentable: false, stock: 30, isFeatured: false,
  },
  {
    name: 'Dell P2419H 24" FHD IPS Monitor',
    category: 'Monitors', brand: 'Dell', condition: 'Good',
    description:
      'The classic office monitor, ideal for dual-screen setups. Height, tilt and swivel adjustable; a USB hub built ' +
      'in.',
    specifications: { size_inches: 24, resolution: '1920x1080', panel: 'IPS', refresh_hz: 60, usb_ports: 4 },
    imageUrls: [img('dell-p2419h')],
    price: 11_999, rentable: false, stock: 26, isFeatured: false,
  },
  {
    name: 'LG 34WN80C-B 34" UltraWide QHD USB-C Monitor',
    category: 'Monitors', brand: 'LG', condition: 'Excellent',
    description: 'A curved ultrawide that charges a laptop over a single USB-C cable at 60 W. Barely used, boxed.',
    specifications: { size_inches: 34, resolution: '3440x1440', panel: 'IPS', refresh_hz: 60, usb_c_power_watts: 60 },
    imageUrls: [img('lg-34wn80c-b')],
    price: 37_999, rentable: true, stock: 0, isFeatured: false,
  },
  // ---------------------------------------------------------------- Peripherals
  {
    name: 'Logitech MX Master 3 Wireless Mouse',
    category: 'Peripherals', brand: 'Logitech', condition: 'Excellent',
    description:
      'The productivity mouse with the MagSpeed scroll wheel and multi-device switching. Sanitised, with a new USB-C ' +
      'cable.',
    specifications: { connectivity: 'Bluetooth, Logi Unifying', dpi: 4000, buttons: 7, battery: 'Rechargeable (USB-C)' },
    imageUrls: [img('logitech-mx-master-3')],
    price: 6_999, rentable: false, stock: 25, isFeatured: false,
  },
  {
    name: 'Keychron K2 V2 Wireless Mechanical Keyboard (Gateron Brown)',
    category: 'Peripherals', brand: 'Keychron', condition: 'Open Box',
    description:
      'A compact 75% mechanical keyboard for Mac and Windows. Opened and returned; keycaps and switches unused.',
    specifications: { layout: '75% (84 keys)', switches: 'Gateron Brown', connectivity: 'Bluetooth 5.1, USB-C', backlight: 'White LED' },
    imageUrls: [img('keychron-k2-v2-gateron-brown')],
    price: 6_499, rentable: false, stock: 10, isFeatured: false,
  },
  {
    name: 'Razer DeathAdder V2 Gaming Mouse',
    category: 'Peripherals', brand: 'Razer', condition: 'Good',
    description:
      'An ergonomic right-handed gaming mouse with optical switches. Cleaned and sanitised; new skates fitted.',
    specifications: { connectivity: 'USB wired', dpi: 20000, buttons: 8, weight_grams: 82 },
    imageUrls: [img('razer-deathadder-v2')],
    price: 3_499, rentable: false, stock: 36, isFeatured: false,
  },
  {
    name: 'Corsair K70 RGB MK.2 Mechanical Keyboard (Cherry MX Red)',
    category: 'Peripherals', brand: 'Corsair', condition: 'Refurbished',
    description:
      'A full-size aluminium keyboard with dedicated media keys. Refurbished with a new switch where needed and a ' +
      'fresh set of keycaps.',
    specifications: { layout: 'Full size (104 keys)', switches: 'Cherry MX Red', connectivity: 'USB wired', backlight: 'Per-key RGB' },
    imageUrls: [img('corsair-k70-rgb-mk2-cherry-mx-red')],
    price: 8_999, rentable: false, stock: 7, isFeatured: false,
  },
  {
    name: 'Logitech C920 HD Pro Webcam 1080p',
    category: 'Peripherals', brand: 'Logitech', condition: 'Good',
    description: 'A reliable 1080p webcam with stereo microphones for calls and streaming. Lens cleaned and tested.',
    specifications: { resolution: '1920x1080', frame_rate_fps: 30, field_of_view_degrees: 78, connectivity: 'USB-A' },
    imageUrls: [img('logitech-c920-hd-pro')],
    price: 4_999, rentable: false, stock: 19, isFeatured: false,
  },
  {
    name: 'HyperX Cloud II Gaming Headset',
    category: 'Peripherals', brand: 'HyperX', condition: 'Fair',
    description:
      'A comfortable headset with virtual 7.1 surround through its USB sound card. New ear cushions fitted; headband ' +
      'shows wear.',
    specifications: { drivers_mm: 53, connectivity: '3.5 mm, USB sound card', microphone: 'Detachable noise-cancelling' },
    imageUrls: [img('hyperx-cloud-ii')],
    price: 4_499, rentable: false, stock: 0, isFeatured: false,
  },
  {
    name: 'Wacom Intuos Pro Medium Pen Tablet PTH-660',
    category: 'Peripherals', brand: 'Wacom', condition: 'Refurbished',
    description:
      'A professional pen tablet with 8192 pressure levels and tilt. Surface sheet replaced; includes the Pro Pen 2 ' +
      'and nibs.',
    specifications: { active_area: '224 x 148 mm', pressure_levels: 8192, connectivity: 'Bluetooth, USB-C', express_keys: 8 },
    imageUrls: [img('wacom-intuos-pro-medium-pth-660')],
    price: 22_999, rentable: false, stock: 3, isFeatured: false,
  },
  // ---------------------------------------------------------------- Accessories
  {
    name: 'Dell WD19 USB-C Docking Station 130W',
    category: 'Accessories', brand: 'Dell', condition: 'Refurbished',
    description:
      'One cable for power, two displays, Ethernet and USB. Works with most USB-C laptops; latest firmware ' +
      'installed.',
    specifications: { connection: 'USB-C', power_delivery_watts: 90, display_outputs: '2x DisplayPort, 1x HDMI', ethernet: 'Gigabit' },
    imageUrls: [img('dell-wd19-usb-c-dock-130w')],
    price: 11_999, rentable: false, stock: 21, isFeatured: false,
  },
  {
    name: 'Lenovo ThinkPad USB-C Dock Gen 2',
    category: 'Accessories', brand: 'Lenovo', condition: 'Good',
    description:
      'A universal USB-C dock matched to ThinkPads, with MAC address pass-through. Includes the 90 W power adapter.',
    specifications: { connection: 'USB-C', power_delivery_watts: 65, display_outputs: '2x DisplayPort, 1x HDMI', ethernet: 'Gigabit' },
    imageUrls: [img('lenovo-thinkpad-usb-c-dock-gen-2')],
    price: 9_999, rentable: false, stock: 15, isFeatured: false,
  },
  {
    name: 'Apple 96W USB-C Power Adapter',
    category: 'Accessories', brand: 'Apple', condition: 'Excellent',
    description:
      'A genuine Apple charger for 15- and 16-inch MacBook Pro models. Tested under full load; cable sold ' +
      'separately.',
    specifications: { output_watts: 96, connector: 'USB-C', model: 'A2166' },
    imageUrls: [img('apple-96w-usb-c-power-adapter')],
    price: 4_999, rentable: false, stock: 18, isFeatured: false,
  },
  {
    name: 'Corsair RM750x 750W 80+ Gold Fully Modular PSU',
    category: 'Accessories', brand: 'Corsair', condition: 'Open Box',
    description:
      'A quiet, fully modular power supply with a zero-RPM fan mode. Opened, unused, with every original cable.',
    specifications: { output_watts: 750, efficiency: '80 Plus Gold', modular: 'Fully', fan_mm: 135 },
    imageUrls: [img('corsair-rm750x-750w')],
    price: 8_999, rentable: false, stock: 6, isFeatured: false,
  },
  {
    name: 'Noctua NH-D15 Dual-Tower CPU Cooler',
    category: 'Accessories', brand: 'Noctua', condition: 'Excellent',
    description:
      'A premium air cooler that rivals 280 mm liquid coolers. Cleaned, with a new tube of NT-H1 and mounting kits ' +
      'for AM4/AM5 and LGA1700.',
    specifications: { type: 'Dual-tower air', fans: '2x NF-A15 140 mm', height_mm: 165, sockets: 'AM4, AM5, LGA1200, LGA1700' },
    imageUrls: [img('noctua-nh-d15')],
    price: 7_999, rentable: false, stock: 9, isFeatured: false,
  },
  {
    name: 'CalDigit TS3 Plus Thunderbolt 3 Dock',
    category: 'Accessories', brand: 'CalDigit', condition: 'Fair',
    description: 'A 15-port Thunderbolt 3 dock with 87 W charging. The case is scuffed; every port tested.',
    specifications: { connection: 'Thunderbolt 3', power_delivery_watts: 87, ports: 15, ethernet: 'Gigabit' },
    imageUrls: [img('caldigit-ts3-plus')],
    price: 12_999, rentable: false, stock: 2, isFeatured: false,
  },
  {
    name: 'Cable Matters USB-C to DisplayPort Cable 6ft',
    category: 'Accessories', brand: 'Cable Matters', condition: 'Good',
    description:
      'Connects a USB-C laptop straight to a DisplayPort monitor at up to 4K 60 Hz. Tested on several laptops.',
    specifications: { length_ft: 6, max_resolution: '3840x2160 @ 60 Hz', connectors: 'USB-C to DisplayPort' },
    imageUrls: [img('cable-matters-usb-c-to-displayport-6ft')],
    price: 1_299, rentable: false, stock: 40, isFeatured: false,
  },
  {
    name: 'Targus CityLite Pro 15.6" Laptop Backpack',
    category: 'Accessories', brand: 'Targus', condition: 'Good',
    description:
      'A padded, water-resistant backpack with a checkpoint-friendly laptop compartment. Cleaned; light wear on the ' +
      'straps.',
    specifications: { fits_laptop_inches: 15.6, capacity_litres: 22, material: 'Polyester' },
    imageUrls: [img('targus-citylite-pro-15-6-backpack')],
    price: 3_999, rentable: false, stock: 12, isFeatured: false,
  },
];
