import { primaryImage, type Product, type RentalQuote } from '@giggatek/domain';

export function presentProduct(product: Product) {
  return {
    id: product.id,
    name: product.name,
    slug: product.slug,
    description: product.description,
    category: product.category,
    brand: product.brand,
    condition: product.condition,
    specifications: product.specifications,
    image_urls: product.imageUrls,
    primary_image: primaryImage(product),
    price: product.price,
    currency: 'usd',
    rental_rates: product.rentalRates,
    rentable: product.rentable,
    stock: product.stock,
    is_featured: product.isFeatured,
    status: product.status,
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
  };
}

/**
 * The detail view adds what renting it would cost per term (the quotes of the stored
 * policy). `total_months` is SPEC's name, as POST /api/rentals takes it; `term_months`
 * stays as an alias for clients written before.
 */
export function presentProductDetail(product: Product, quotes: readonly RentalQuote[]) {
  return {
    ...presentProduct(product),
    rental_quotes: quotes.map((quote) => ({
      total_months: quote.termMonths,
      term_months: quote.termMonths,
      monthly_rate: quote.monthlyRate,
      total_amount: quote.totalAmount,
      currency: 'usd',
    })),
  };
}
